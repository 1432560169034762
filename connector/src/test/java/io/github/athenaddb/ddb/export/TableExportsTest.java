package io.github.athenaddb.ddb.export;

import io.github.athenaddb.ConnectorException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeExportRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeExportResponse;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportSummary;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.ListExportsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListExportsResponse;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * ListExports and DescribeExport at the client boundary: moto keeps no ExportTime or
 * ExportManifest, runs no incremental export, and finishes each export at once, so several
 * exports of one table, pages, and failed or running exports are forced here.
 */
class TableExportsTest
{
    private static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders";
    private static final String OLD = TABLE_ARN + "/export/01700000000000-aaaaaaaa";
    private static final String NEW = TABLE_ARN + "/export/01780000000000-bbbbbbbb";
    private static final String INCREMENTAL = TABLE_ARN + "/export/01790000000000-cccccccc";
    private static final String FAILED = TABLE_ARN + "/export/01790000000000-dddddddd";
    private static final String RUNNING = TABLE_ARN + "/export/01790000000000-eeeeeeee";

    private final DynamoDbClient client = mock(DynamoDbClient.class);

    @Test
    void picksTheNewestCompletedFullExportOverEveryPage()
    {
        when(client.listExports(any(ListExportsRequest.class))).thenAnswer(call -> {
            ListExportsRequest request = call.getArgument(0);
            assertThat(request.tableArn()).isEqualTo(TABLE_ARN);
            if (request.nextToken() == null) {
                return ListExportsResponse.builder().exportSummaries(summary(NEW, ExportStatus.COMPLETED, ExportType.FULL_EXPORT),
                        summary(FAILED, ExportStatus.FAILED, ExportType.FULL_EXPORT)).nextToken("page-2").build();
            }
            return ListExportsResponse.builder().exportSummaries(summary(OLD, ExportStatus.COMPLETED, ExportType.FULL_EXPORT),
                    summary(INCREMENTAL, ExportStatus.COMPLETED, ExportType.INCREMENTAL_EXPORT)).build();
        });
        describes(Map.of(
                NEW, described(NEW, ExportStatus.COMPLETED).exportTime(Instant.parse("2026-12-05T08:00:00Z"))
                        .exportManifest("orders/AWSDynamoDB/01780000000000-bbbbbbbb/manifest-summary.json").build(),
                OLD, described(OLD, ExportStatus.COMPLETED).exportTime(Instant.parse("2026-01-05T08:00:00Z")).build()));

        ExportLocation location = new TableExports(client).newest(TABLE_ARN, "Orders", "orders$export");

        assertThat(location).isEqualTo(new ExportLocation("exports", "orders/AWSDynamoDB/01780000000000-bbbbbbbb/",
                "the newest completed export " + NEW));
        verify(client, times(2)).listExports(any(ListExportsRequest.class));
    }

    @Test
    void withoutExportManifestTheFolderIsWhereDynamoDbDocumentsIt()
    {
        describes(Map.of(OLD, described(OLD, ExportStatus.COMPLETED).build()));

        ExportLocation location = new TableExports(client).of(OLD, "orders$export", "set by export_location_orders");

        assertThat(location.summaryKey()).isEqualTo("orders/AWSDynamoDB/01700000000000-aaaaaaaa/manifest-summary.json");
    }

    @Test
    void aRunningExportIsOneClearLine()
    {
        lists(summary(RUNNING, ExportStatus.IN_PROGRESS, ExportType.FULL_EXPORT));

        assertThatThrownBy(() -> new TableExports(client).newest(TABLE_ARN, "Orders", "orders$export"))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Table 'orders$export' reads the newest full export to S3 of DynamoDB table 'Orders', whose only export "
                        + RUNNING + " is still IN_PROGRESS: query it when the export has completed");
    }

    @Test
    void failedExportsAreOneClearLine()
    {
        lists(summary(FAILED, ExportStatus.FAILED, ExportType.FULL_EXPORT));
        describes(Map.of(FAILED, described(FAILED, ExportStatus.FAILED).failureCode("S3NoSuchBucket")
                .failureMessage("The specified bucket does not exist").build()));

        assertThatThrownBy(() -> new TableExports(client).newest(TABLE_ARN, "Orders", "orders$export"))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Table 'orders$export' reads the newest full export to S3 of DynamoDB table 'Orders', whose exports all FAILED ("
                        + FAILED + ": S3NoSuchBucket The specified bucket does not exist): export it again");
    }

    @Test
    void anArnSettingNamingARunningExportIsOneClearLine()
    {
        describes(Map.of(RUNNING, described(RUNNING, ExportStatus.IN_PROGRESS).build()));

        assertThatThrownBy(() -> new TableExports(client).of(RUNNING, "orders$export", "set by export_location_orders"))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Table 'orders$export' reads export " + RUNNING + " (set by export_location_orders), which is IN_PROGRESS: "
                        + "name a completed export");
    }

    private void lists(ExportSummary... summaries)
    {
        when(client.listExports(any(ListExportsRequest.class))).thenReturn(ListExportsResponse.builder().exportSummaries(summaries).build());
    }

    private void describes(Map<String, ExportDescription> exports)
    {
        when(client.describeExport(any(DescribeExportRequest.class))).thenAnswer(call -> DescribeExportResponse.builder()
                .exportDescription(exports.get(((DescribeExportRequest) call.getArgument(0)).exportArn())).build());
    }

    private static ExportSummary summary(String arn, ExportStatus status, ExportType type)
    {
        return ExportSummary.builder().exportArn(arn).exportStatus(status).exportType(type).build();
    }

    private static ExportDescription.Builder described(String arn, ExportStatus status)
    {
        return ExportDescription.builder().exportArn(arn).exportStatus(status).s3Bucket("exports").s3Prefix("orders/").tableArn(TABLE_ARN);
    }
}
