package io.github.athenaddb.ddb.split;

import com.amazonaws.athena.connector.lambda.domain.Split;
import io.github.athenaddb.ddb.plan.FilterCondition;
import io.github.athenaddb.ddb.plan.RowLimit;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The planned LIMIT and FilterExpression of a split, carried in its properties next to what it reads. */
public record ReadOptions(RowLimit limit, Optional<FilterCondition> filter)
{
    public static final ReadOptions NONE = new ReadOptions(RowLimit.NONE, Optional.empty());

    public ReadOptions
    {
        requireNonNull(limit, "limit is null");
        requireNonNull(filter, "filter is null");
    }

    public Split.Builder addTo(Split.Builder split)
    {
        return SplitCodec.write(this, split);
    }

    public static ReadOptions from(Split split)
    {
        return SplitCodec.options(split);
    }
}
