package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.Split;
import io.github.athenaddb.ConnectorException;

import static java.util.Objects.requireNonNull;

/**
 * The payload of a split: everything a record reader needs to scan one segment, so that any
 * Lambda instance can run it without looking anything up.
 */
public record ScanSplit(String table, int segment, int totalSegments)
        implements ReadSplit
{
    static final String TABLE = "ddb.table";
    static final String SEGMENT = "ddb.segment";
    static final String TOTAL_SEGMENTS = "ddb.totalSegments";

    public ScanSplit
    {
        requireNonNull(table, "table is null");
        if (totalSegments < 1 || segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException("segment " + segment + " of " + totalSegments + " is not a valid Scan segment");
        }
    }

    @Override
    public Split.Builder addTo(Split.Builder split)
    {
        return split.add(KIND, "SCAN").add(TABLE, table)
                .add(SEGMENT, Integer.toString(segment))
                .add(TOTAL_SEGMENTS, Integer.toString(totalSegments));
    }

    public static ScanSplit from(Split split)
    {
        String table = split.getProperty(TABLE);
        String segment = split.getProperty(SEGMENT);
        String total = split.getProperty(TOTAL_SEGMENTS);
        if (table == null || segment == null || total == null) {
            throw ConnectorException.invalidInput("The split is missing " + TABLE + ", " + SEGMENT + " or " + TOTAL_SEGMENTS
                    + "; send splits exactly as GetSplits returned them. Properties: " + split.getProperties().keySet());
        }
        try {
            return new ScanSplit(table, Integer.parseInt(segment), Integer.parseInt(total));
        }
        catch (IllegalArgumentException e) {
            throw ConnectorException.invalidInput("The split's segment is invalid: " + e.getMessage());
        }
    }
}
