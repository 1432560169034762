package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The LIMIT (and the ORDER BY that goes with it) one table read sends to the connector, as the
 * {@code limit} and {@code orderByClause} of its constraints. The engine still sorts and limits
 * the rows itself: this only tells the connector how many rows the statement can use.
 *
 * @param limit rows the statement needs from this read, or {@link Constraints#DEFAULT_NO_LIMIT}
 * @param orderBy the order those rows are the first of; empty for a plain LIMIT (any rows will do)
 */
public record ScanLimit(long limit, List<OrderByField> orderBy)
{
    public static final ScanLimit NONE = new ScanLimit(Constraints.DEFAULT_NO_LIMIT, List.of());

    public ScanLimit
    {
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        if (limit < 0 && limit != Constraints.DEFAULT_NO_LIMIT) {
            throw new IllegalArgumentException("limit must be at least 0, or DEFAULT_NO_LIMIT: " + limit);
        }
        if (limit == Constraints.DEFAULT_NO_LIMIT && !orderBy.isEmpty()) {
            // An order alone lets the connector read nothing less, and Athena never sends one alone.
            throw new IllegalArgumentException("an ORDER BY is only pushed with a limit");
        }
    }

    public boolean isNone()
    {
        return limit == Constraints.DEFAULT_NO_LIMIT;
    }

    /** The order as SQL, for stats and explain: {@code sk desc, pk}; Trino's default null placement is not spelled out. */
    public List<String> orderByText()
    {
        return orderBy.stream().map(ScanLimit::describe).toList();
    }

    /** {@code order by sk desc; limit 10}, {@code limit 10}, or "" when nothing is pushed. */
    /** {@code type = 'Order'; order by amount desc; limit 2}: the constraints sent with this limit, then the limit. */
    public String describeWith(String constraints)
    {
        if (isNone()) {
            return constraints;
        }
        return constraints.isEmpty() ? describe() : constraints + "; " + describe();
    }

    public String describe()
    {
        if (isNone()) {
            return "";
        }
        String limitText = "limit " + limit;
        return orderBy.isEmpty() ? limitText : "order by " + String.join(", ", orderByText()) + "; " + limitText;
    }

    /** Athena (Trino) puts NULLs last in either direction unless told otherwise. */
    static String describe(OrderByField field)
    {
        return field.getColumnName() + switch (field.getDirection()) {
            case ASC_NULLS_LAST -> "";
            case ASC_NULLS_FIRST -> " nulls first";
            case DESC_NULLS_FIRST -> " desc nulls first";
            case DESC_NULLS_LAST -> " desc";
        };
    }
}
