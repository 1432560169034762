package io.github.athenaddb.ddb;

/**
 * How many parallel Scan segments (one split each) to read a table with. A segment per
 * {@code targetBytes} of table (default 256 MiB: a Lambda reads that in well under its
 * 15-minute limit), at least one, at most {@code maxSegments}; a fixed count overrides the
 * estimate. DynamoDB's TableSizeBytes is refreshed about every six hours, which is precise
 * enough for sizing.
 */
public final class ScanSegments
{
    private ScanSegments() {}

    public static int forTable(long tableSizeBytes, long targetBytes, int maxSegments)
    {
        long bySize = (Math.max(0, tableSizeBytes) + targetBytes - 1) / targetBytes;
        return (int) Math.max(1, Math.min(maxSegments, bySize));
    }
}
