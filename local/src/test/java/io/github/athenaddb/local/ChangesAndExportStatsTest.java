package io.github.athenaddb.local;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.SpillClients;
import io.github.athenaddb.devkit.ExportLayout;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.QueryResult;
import io.github.athenaddb.local.engine.QueryResult.SourceStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stats of a change table and an export table read through the local engine, against
 * moto_server's DynamoDB, DynamoDB Streams and S3: a change table's GetRecords calls, an export
 * table's S3 GetObject calls with no DynamoDB read at all, and the export's time.
 */
class ChangesAndExportStatsTest
{
    private static final Instant EXPORTED = Instant.parse("2026-12-01T10:00:00Z");
    private static final String FOLDER = ExportLayout.folder("exports/orders", "01780000000000-abcd1234");
    private static MotoServer moto;
    private static LocalConnector connector;
    private static LocalEngine engine;

    @BeforeAll
    static void setUp()
    {
        moto = MotoServer.start();
        try (DynamoDbClient dynamo = Tables.client(moto.endpoint(), "us-east-1");
                S3Client s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.US_EAST_1).build()) {
            dynamo.createTable(Tables.table("Orders", "PK", ScalarAttributeType.S)
                    .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                    .build());
            dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", s("O#1"), "Total", n("10"))));
            dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", s("O#2"), "Total", n("20"))));
            dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", s("O#1"), "Total", n("11"))));
            dynamo.deleteItem(b -> b.tableName("Orders").key(Map.of("PK", s("O#2"))));
            s3.createBucket(b -> b.bucket("backups"));
            // Three data files, one of an empty partition.
            new ExportLayout(s3, "backups").write(FOLDER, EXPORTED, List.of(
                    List.of(Map.of("PK", s("O#1"), "Total", n("10")), Map.of("PK", s("O#2"), "Total", n("20"))),
                    List.of(),
                    List.of(Map.of("PK", s("O#0"), "Total", n("5"), "Note", s("old")))));
        }
        connector = LocalConnector.forEndpoint(Optional.of(moto.endpoint()), Map.of(ConnectorConfig.SCHEMA_CACHE_SECONDS, "0",
                SpillClients.S3_ENDPOINT, moto.endpoint().toString(), "export_location_orders", "s3://backups/" + FOLDER));
        engine = connector.engine(EngineOptions.DEFAULTS);
    }

    @AfterAll
    static void tearDown()
    {
        engine.close();
        connector.close();
        moto.stop();
    }

    @Test
    void aChangeTableShowsItsGetRecordsCallsAndTheRecordsRead()
    {
        QueryResult result = engine.execute("SELECT event_name, pk FROM \"orders$changes\"");

        assertThat(result.rows()).hasSize(4);
        SourceStats changes = result.sources().get(0);
        assertThat(changes.table()).isEqualTo("orders$changes");
        assertThat(changes.requests().get("GetRecords")).isPositive();
        // GetTable types the images from the stream's 4 records (GetRecords), then the split reads them: no Scan of the
        // live table, no read capacity.
        assertThat(changes.itemsScanned()).isEqualTo(4 + 4);
        assertThat(changes.rcu()).isZero();
        assertThat(changes.exportTime()).isEmpty();
        assertThat(StatsReport.text(result)).containsPattern("-- ddb.default.orders\\$changes: 1 split, requests: GetRecords \\d+, 0.0 RCU, ");
    }

    @Test
    void anExportTableShowsItsGetObjectCallsNoDynamoDbReadAndTheExportTime()
    {
        QueryResult result = engine.execute("SELECT pk, total, export_time FROM \"orders$export\"");

        assertThat(result.rows()).extracting(row -> row.get(0) + " " + row.get(1)).containsExactlyInAnyOrder("O#1 10", "O#2 20", "O#0 5");
        SourceStats export = result.sources().get(0);
        assertThat(export.splits()).isEqualTo(3);
        // The manifests, then each data file at least once (GetTable's sample reads some of them too).
        assertThat(export.requests().get("GetObject")).isGreaterThanOrEqualTo(2 + 3);
        assertThat(export.requests().keySet()).containsOnly("GetObject");
        assertThat(export.rcu()).isZero();
        assertThat(export.exportTime()).contains(EXPORTED);
        assertThat(StatsReport.text(result)).contains("--   export time: 2026-12-01T10:00:00Z");
        assertThat(StatsReport.json(result)).contains("\"Scan\":0,\"GetObject\":" + export.requests().get("GetObject") + "},\"rcu\":0.0")
                .contains("\"export_time\":\"2026-12-01T10:00:00Z\"");
    }
}
