package io.github.athenaddb.jdbc;

import java.util.Objects;

/**
 * One split of a table read by ranges of an integer key: {@code column >= low AND column < high},
 * both bounds bound as parameters. {@link Long#MIN_VALUE} as low and {@link Long#MAX_VALUE} as
 * high mean no bound on that side, so the first and last ranges also hold keys written after
 * the splits were planned, and the largest bigint. Rows whose key is NULL are in no range: only
 * primary keys, which are never NULL, are split.
 */
public record SplitRange(String column, long low, long high)
{
    public SplitRange
    {
        Objects.requireNonNull(column, "column");
        if (low > high) {
            throw new IllegalArgumentException("split range low " + low + " is above high " + high);
        }
    }

    public boolean boundedBelow()
    {
        return low != Long.MIN_VALUE;
    }

    public boolean boundedAbove()
    {
        return high != Long.MAX_VALUE;
    }
}
