package io.github.athenaddb.ddb.plan;

import java.util.Locale;

/**
 * Plans the splits of a read under {@code max_read_units_per_second}: only as many as the cap
 * needs, each with an equal share of it.
 *
 * <p>Why not as many splits as the table's size calls for: Athena may read every split at once,
 * each in its own Lambda instance with no memory shared, so the only share a split can rely on
 * is a fixed part of the cap. A split that is not running leaves its share unused; with more
 * splits than run at once (the local engine reads 4 at a time), a cap of 50 over 8 segments
 * read at 24 units/s. With one split per {@value #UNITS_PER_SPLIT} units/s, the splits are few
 * enough to run together, and each can consume its share: a Scan segment reads a 1 MB page
 * (128 units, eventually consistent) in well under a second from DynamoDB, and dynalite, single
 * threaded, serves a few hundred units/s in all. Within one JVM, the splits of a read share one budget besides
 * ({@code QueryReadBudgets}), so a split that finished leaves its share to the others.
 */
public final class ReadRatePlanner
{
    /** The read units per second one split is counted on to consume. */
    public static final double UNITS_PER_SPLIT = 100;

    private ReadRatePlanner() {}

    /**
     * @param unitsPerSecond the cap for the read; 0 or less: none
     * @param wanted the splits the access path would read with (Scan segments, Queries)
     */
    public static ReadRatePlan plan(double unitsPerSecond, int wanted)
    {
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be at least 1, not " + wanted);
        }
        if (unitsPerSecond <= 0) {
            return new ReadRatePlan(wanted, 0, "no read rate cap");
        }
        int needed = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(unitsPerSecond / UNITS_PER_SPLIT)));
        int splits = Math.min(wanted, needed);
        double share = unitsPerSecond / splits;
        String reason = String.format(Locale.ROOT, "max_read_units_per_second=%s: %d split(s) of %s units/s", plain(unitsPerSecond), splits,
                plain(share));
        if (splits < wanted) {
            reason += String.format(Locale.ROOT, " (not %d: one per %s units/s of the cap)", wanted, plain(UNITS_PER_SPLIT));
        }
        return new ReadRatePlan(splits, share, reason);
    }

    /** The cap shared evenly by a number of splits the read cannot do without (a top-N's Queries, one per partition). */
    public static ReadRatePlan evenly(double unitsPerSecond, int splits)
    {
        if (unitsPerSecond <= 0) {
            return new ReadRatePlan(splits, 0, "no read rate cap");
        }
        return new ReadRatePlan(splits, unitsPerSecond / splits, String.format(Locale.ROOT,
                "max_read_units_per_second=%s: %d split(s) of %s units/s", plain(unitsPerSecond), splits, plain(unitsPerSecond / splits)));
    }

    private static String plain(double value)
    {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
