package io.github.athenaddb.ddb.plan;

/**
 * How a table read's share of {@code max_read_units_per_second} is spread over its splits.
 *
 * @param splits how many splits to read with (at most as many as the access path wanted)
 * @param unitsPerSplit each split's share of the cap; 0 when there is no cap
 */
public record ReadRatePlan(int splits, double unitsPerSplit, String reason)
{
    public ReadRatePlan
    {
        if (splits < 1) {
            throw new IllegalArgumentException("splits must be at least 1, not " + splits);
        }
    }

    public boolean capped()
    {
        return unitsPerSplit > 0;
    }
}
