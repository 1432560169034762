package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.exec.ReadStats;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Data files of a table's full export to S3, for its export table ({@code <table>$export}), read
 * one after the other: S3 GetObject calls, no DynamoDB read capacity. One file a split, unless a
 * LIMIT needs them all in one split (see {@code export.ExportSplits}).
 *
 * @param exportTime the point in time the export holds the table at, the rows' {@code export_time}
 */
public record ExportSplit(String table, String bucket, List<String> dataFiles, Instant exportTime)
        implements ReadSplit
{
    public ExportSplit
    {
        requireNonNull(table, "table is null");
        requireNonNull(bucket, "bucket is null");
        dataFiles = List.copyOf(dataFiles);
        if (dataFiles.isEmpty()) {
            throw new IllegalArgumentException("an export split needs a data file");
        }
        requireNonNull(exportTime, "exportTime is null");
    }

    @Override
    public ReadStats read(ReadContext context)
    {
        return context.inTurn(dataFiles, file -> context.readers().exportFile().read(bucket, file, exportTime, context.keepGoing(), context.rows(),
                context.pages()));
    }

    @Override
    public String describe()
    {
        return dataFiles.size() + " export data file(s) from s3://" + bucket + "/" + dataFiles.get(0) + ", exported at " + exportTime;
    }
}
