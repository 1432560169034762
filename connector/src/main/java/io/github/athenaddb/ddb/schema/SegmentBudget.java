package io.github.athenaddb.ddb.schema;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What one Scan segment of a schema sample may read, and how many items its next request asks for.
 * DynamoDB's Scan takes a Limit in items, not bytes, and a page holds up to 1 MB: the first
 * request asks for as many items as the byte share holds at {@code firstItemBytes} each (twice
 * DescribeTable's average item size when it gives one, else {@value #PROBE_ITEM_BYTES}, so that
 * large items cannot overshoot by a whole page), later ones as many as the rest of the share
 * holds at the average size read so far. With the table's average, a segment of small items
 * usually reads its share in one request instead of two (a cold GetTable's sample: 4 requests,
 * one after the other, instead of 8).
 *
 * @param items matching items the segment keeps
 * @param evaluated items the segment may read (more than {@code items} when a filter drops some:
 *         an entity view's sample reads at most {@value #ENTITY_READ_FACTOR} times its share)
 * @param bytes bytes the segment may read, as DynamoDB meters them (evaluated items, filtered or not)
 * @param firstItemBytes the item size the first request assumes
 */
record SegmentBudget(int items, long evaluated, long bytes, long firstItemBytes)
{
    /**
     * The first request's item size from DescribeTable's average: twice it, since the statistics
     * are up to six hours old and the items sampled may be larger than the average, and never more
     * than {@value #PROBE_ITEM_BYTES}.
     */
    static long firstItemBytes(OptionalLong averageItemBytes)
    {
        return averageItemBytes.isPresent() ? Math.max(1, Math.min(PROBE_ITEM_BYTES, 2 * averageItemBytes.getAsLong())) : PROBE_ITEM_BYTES;
    }

    static final int ENTITY_READ_FACTOR = 20;
    static final long PROBE_ITEM_BYTES = 4096;

    /** How far a segment has read. */
    record Progress(int items, long evaluated, long bytes)
    {
        static final Progress NONE = new Progress(0, 0, 0);

        Progress plus(int moreItems, long moreEvaluated, long moreBytes)
        {
            return new Progress(items + moreItems, evaluated + moreEvaluated, bytes + moreBytes);
        }
    }

    /** The Limit of the segment's next request, or empty when it has read enough. */
    OptionalInt nextLimit(Progress progress)
    {
        if (progress.items() >= items || progress.evaluated() >= evaluated || progress.bytes() >= bytes) {
            return OptionalInt.empty();
        }
        long left = evaluated - progress.evaluated();
        long fitting = progress.evaluated() == 0 || progress.bytes() == 0
                ? bytes / firstItemBytes
                : (bytes - progress.bytes()) * progress.evaluated() / progress.bytes();
        return OptionalInt.of((int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.min(left, fitting))));
    }
}
