package io.github.athenaddb.jdbc;

import java.util.Objects;

/**
 * One split of a table read by ranges of an integer key: {@code column >= low AND column < high},
 * both bounds bound as parameters. Rows whose key is NULL are in no such range; a caller that
 * splits a nullable key needs a separate split for them.
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
}
