package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.Split;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.plan.FilterCondition;
import io.github.athenaddb.ddb.plan.KeyJson;
import io.github.athenaddb.ddb.plan.RowLimit;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The planned LIMIT and FilterExpression of a split, carried in its properties next to what it reads. */
public record ReadOptions(RowLimit limit, Optional<FilterCondition> filter)
{
    static final String ROW_LIMIT = "ddb.rowLimit";
    static final String BACKWARD = "ddb.scanBackward";
    static final String REQUEST_LIMIT = "ddb.requestLimit";
    static final String COUNTED_ATTRIBUTE = "ddb.countedAttribute";
    static final String FILTER = "ddb.filter";

    public static final ReadOptions NONE = new ReadOptions(RowLimit.NONE, Optional.empty());

    public ReadOptions
    {
        requireNonNull(limit, "limit is null");
        requireNonNull(filter, "filter is null");
    }

    Split.Builder addTo(Split.Builder split)
    {
        if (limit.limited()) {
            split.add(ROW_LIMIT, Long.toString(limit.rows()));
            if (limit.requestLimit()) {
                split.add(REQUEST_LIMIT, "true");
            }
            limit.countedAttribute().ifPresent(a -> split.add(COUNTED_ATTRIBUTE, a));
        }
        if (!limit.forward()) {
            split.add(BACKWARD, "true");
        }
        filter.ifPresent(f -> split.add(FILTER, KeyJson.write(f)));
        return split;
    }

    static ReadOptions from(Split split)
    {
        try {
            String rows = split.getProperty(ROW_LIMIT);
            RowLimit limit = new RowLimit(rows == null ? RowLimit.NONE.rows() : Long.parseLong(rows), false,
                    !"true".equals(split.getProperty(BACKWARD)), "true".equals(split.getProperty(REQUEST_LIMIT)),
                    Optional.ofNullable(split.getProperty(COUNTED_ATTRIBUTE)));
            Optional<FilterCondition> filter = Optional.ofNullable(split.getProperty(FILTER)).map(KeyJson::readFilter);
            return new ReadOptions(limit, filter);
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw ConnectorException.invalidInput("The split's read options are not valid (" + e.getMessage()
                    + "); send splits as GetSplits returned them");
        }
    }
}
