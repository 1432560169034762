package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ConnectorConfig;

import java.util.Map;
import java.util.OptionalLong;

/**
 * How much one schema sample may read: up to {@code items} items and about {@code maxBytes} bytes
 * (as DynamoDB meters them: read capacity), spread over {@code segments} parallel Scan segments
 * so that it reaches the whole key space, not only the first partitions.
 *
 * @param items {@value ConnectorConfig#SAMPLE_SIZE}
 * @param segments {@value #SEGMENTS_SETTING}
 * @param maxBytes {@value #MAX_KB_SETTING}, in bytes
 */
public record SampleSettings(int items, int segments, long maxBytes)
{
    public static final String SEGMENTS_SETTING = "schema_sample_segments";
    public static final String MAX_KB_SETTING = "schema_sample_max_kb";
    static final int DEFAULT_SEGMENTS = 4;
    /**
     * 256 KB: at most 32 RCU (eventually consistent reads cost 0.5 RCU per 4 KB), twice what the
     * default 1,000 items of the e-commerce sample (~115 bytes each) cost, so the item count stays
     * the limit for small items and the bytes for large ones (1,000 items of 4 KB would be 500 RCU).
     */
    static final int DEFAULT_MAX_KB = 256;
    private static final String SEGMENTS_EXPECTED = "an integer from 1 to 1000";

    public SampleSettings
    {
        if (items < 1) {
            throw new IllegalArgumentException("Invalid configuration " + ConnectorConfig.SAMPLE_SIZE + "='" + items + "': expected at least 1");
        }
        if (segments < 1 || segments > 1000) {
            throw new IllegalArgumentException("Invalid configuration " + SEGMENTS_SETTING + "='" + segments + "': expected " + SEGMENTS_EXPECTED);
        }
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("Invalid configuration " + MAX_KB_SETTING + "='" + maxBytes / 1024 + "': expected at least 1");
        }
    }

    /** The defaults but for the item count. */
    public static SampleSettings ofItems(int items)
    {
        return new SampleSettings(items, DEFAULT_SEGMENTS, DEFAULT_MAX_KB * 1024L);
    }

    /** @param items {@link ConnectorConfig#sampleSize()}, already read and checked there */
    public static SampleSettings fromConfig(int items, Map<String, String> env)
    {
        String segments = env.getOrDefault(SEGMENTS_SETTING, Integer.toString(DEFAULT_SEGMENTS));
        int parsedSegments;
        try {
            parsedSegments = Integer.parseInt(segments.trim());
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid configuration " + SEGMENTS_SETTING + "='" + segments + "': expected " + SEGMENTS_EXPECTED);
        }
        int maxKb = ConnectorConfig.parseInt(MAX_KB_SETTING, env.getOrDefault(MAX_KB_SETTING, Integer.toString(DEFAULT_MAX_KB)), 1, 4 * 1024 * 1024);
        return new SampleSettings(items, parsedSegments, maxKb * 1024L);
    }

    /** Segments that each read at least one item. */
    int usedSegments()
    {
        return Math.min(segments, items);
    }

    /** What each used segment may read. */
    /** @param averageItemBytes the table's average item size, as DescribeTable gives it */
    SegmentBudget segmentBudget(boolean filtered, OptionalLong averageItemBytes)
    {
        int used = usedSegments();
        int perSegment = (items + used - 1) / used;
        return new SegmentBudget(perSegment, filtered ? (long) perSegment * SegmentBudget.ENTITY_READ_FACTOR : perSegment,
                Math.max(1, maxBytes / used), SegmentBudget.firstItemBytes(averageItemBytes));
    }
}
