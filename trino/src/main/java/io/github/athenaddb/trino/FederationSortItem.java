package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import io.trino.spi.connector.SortOrder;

import static java.util.Objects.requireNonNull;

/** One key of an ORDER BY sent to the source: a column of the table, its direction and where NULLs go. */
public record FederationSortItem(String column, boolean ascending, boolean nullsFirst)
{
    public FederationSortItem
    {
        requireNonNull(column, "column is null");
    }

    static FederationSortItem of(String column, SortOrder order)
    {
        return new FederationSortItem(column, order.isAscending(), order.isNullsFirst());
    }

    OrderByField toOrderByField()
    {
        OrderByField.Direction direction = ascending
                ? (nullsFirst ? OrderByField.Direction.ASC_NULLS_FIRST : OrderByField.Direction.ASC_NULLS_LAST)
                : (nullsFirst ? OrderByField.Direction.DESC_NULLS_FIRST : OrderByField.Direction.DESC_NULLS_LAST);
        return new OrderByField(column, direction);
    }
}
