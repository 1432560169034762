package io.github.athenaddb.ddb.export;

import io.github.athenaddb.ConnectorException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeExportRequest;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportSummary;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.ListExportsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListExportsResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Finds a table's export through DynamoDB's ListExports and DescribeExport: the newest completed
 * full export, or the one an ARN names. A table with none, or whose exports all failed or are still
 * running, is one line saying so.
 */
public final class TableExports
{
    private final DynamoDbClient dynamoDb;

    public TableExports(DynamoDbClient dynamoDb)
    {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb is null");
    }

    /** @param exportTable the export table's name, for the error lines */
    public ExportLocation newest(String tableArn, String table, String exportTable)
    {
        List<ExportSummary> full = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListExportsResponse response = dynamoDb.listExports(ListExportsRequest.builder().tableArn(tableArn).nextToken(page).build());
            response.exportSummaries().stream()
                    .filter(e -> e.exportType() == null || e.exportType() == ExportType.FULL_EXPORT)
                    .forEach(full::add);
            token = response.nextToken();
        }
        while (token != null);
        String where = "Table '" + exportTable + "' reads the newest full export to S3 of DynamoDB table '" + table + "'";
        List<ExportDescription> completed = full.stream().filter(e -> e.exportStatus() == ExportStatus.COMPLETED)
                .map(e -> describe(e.exportArn())).toList();
        // DescribeExport's ExportTime is the point in time the export holds; one without it ranks as oldest.
        Optional<ExportDescription> newest = completed.stream()
                .max(Comparator.comparing(e -> Optional.ofNullable(e.exportTime()).orElse(Instant.EPOCH)));
        if (newest.isPresent()) {
            return location(newest.get(), "the newest completed export " + newest.get().exportArn());
        }
        Optional<ExportSummary> running = full.stream().filter(e -> e.exportStatus() == ExportStatus.IN_PROGRESS).findFirst();
        if (running.isPresent()) {
            throw ConnectorException.invalidInput(where + ", whose only export " + running.get().exportArn()
                    + " is still IN_PROGRESS: query it when the export has completed");
        }
        Optional<ExportSummary> failed = full.stream().filter(e -> e.exportStatus() == ExportStatus.FAILED).findFirst();
        if (failed.isPresent()) {
            ExportDescription description = describe(failed.get().exportArn());
            throw ConnectorException.notFound(where + ", whose exports all FAILED (" + failed.get().exportArn() + ": "
                    + description.failureCode() + " " + description.failureMessage() + "): export it again");
        }
        throw ConnectorException.notFound(where + ", which has none: export it (ExportTableToPointInTime, ExportType FULL_EXPORT, "
                + "ExportFormat DYNAMODB_JSON) or name an export's ARN or s3:// folder with the setting "
                + ExportSettings.PREFIX + "<table> or a Glue table's property " + ExportSettings.GLUE_PROPERTY);
    }

    /** The export {@code arn} names, which must have completed. */
    public ExportLocation of(String arn, String exportTable, String source)
    {
        ExportDescription export = describe(arn);
        if (export.exportStatus() != ExportStatus.COMPLETED) {
            throw ConnectorException.invalidInput("Table '" + exportTable + "' reads export " + arn + " (" + source + "), which is "
                    + export.exportStatusAsString() + (export.exportStatus() == ExportStatus.FAILED
                    ? " (" + export.failureCode() + " " + export.failureMessage() + ")" : "") + ": name a completed export");
        }
        return location(export, source);
    }

    private ExportDescription describe(String arn)
    {
        return dynamoDb.describeExport(DescribeExportRequest.builder().exportArn(arn).build()).exportDescription();
    }

    /**
     * The manifests' folder: DescribeExport's ExportManifest when given, else where DynamoDB
     * documents it, {@code <S3Prefix>/AWSDynamoDB/<ExportId>/} (the ExportId ends the export ARN).
     */
    private static ExportLocation location(ExportDescription export, String source)
    {
        if (export.exportManifest() != null && !export.exportManifest().isBlank()) {
            return ExportLocation.ofManifest(export.s3Bucket(), export.exportManifest(), source);
        }
        String prefix = export.s3Prefix() == null || export.s3Prefix().isBlank() ? "" : export.s3Prefix().replaceAll("/+$", "") + "/";
        String id = export.exportArn().substring(export.exportArn().lastIndexOf('/') + 1);
        return new ExportLocation(export.s3Bucket(), prefix + "AWSDynamoDB/" + id + "/", source);
    }
}
