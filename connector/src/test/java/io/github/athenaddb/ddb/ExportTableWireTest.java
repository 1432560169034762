package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import io.github.athenaddb.SpillClients;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.ExportLayout;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.testing.LocalSettings;
import io.github.athenaddb.testing.RecordingInterceptor;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code <table>$export} through the wire, against moto_server's DynamoDB (ListExports,
 * DescribeExport, ExportTableToPointInTime) and S3, with the manifests laid out as DynamoDB
 * documents them ({@link ExportLayout}): moto writes an export's data file but no manifests.
 */
class ExportTableWireTest
{
    private static final String BUCKET = "exports";
    private static final String MANUAL = "manual/AWSDynamoDB/01780000000000-abcd1234/";
    private static final String BROKEN = "broken/AWSDynamoDB/01780000000000-broken01/";
    private static final String GLUE = "glue/AWSDynamoDB/01770000000000-glue0001/";
    private static final Set<String> DYNAMODB_READS = Set.of("Scan", "Query", "GetItem", "BatchGetItem", "ExecuteStatement");

    private static MotoServer moto;
    private static S3Client s3;
    private static ExportLayout layout;
    private static LambdaWire wire;
    private static AthenaSequence athena;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp()
            throws InterruptedException, IOException
    {
        moto = MotoServer.start();
        s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.US_EAST_1).build();
        s3.createBucket(b -> b.bucket(BUCKET));
        layout = new ExportLayout(s3, BUCKET);
        try (DynamoDbClient dynamo = Tables.client(moto.endpoint(), "us-east-1")) {
            dynamo.createTable(Tables.table("Orders", "PK", ScalarAttributeType.S).build());
            dynamo.createTable(Tables.table("Archive", "PK", ScalarAttributeType.S).build());
            dynamo.createTable(Tables.table("Quiet", "PK", ScalarAttributeType.S).build());
            dynamo.createTable(Tables.table("Broken", "PK", ScalarAttributeType.S).build());
            dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", Tables.s("O#1"), "Total", Tables.n("10"))));
            dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", Tables.s("O#2"), "Total", Tables.n("20"))));
            dynamo.putItem(b -> b.tableName("Archive").item(Map.of("PK", Tables.s("live"), "Total", Tables.n("1"))));
            exportOrders(dynamo);
            // Written after the export: the live table has it, the export table does not.
            dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", Tables.s("O#3"), "Total", Tables.n("30"))));
        }
        // Archive's export is named by its folder: four data files, two of them empty partitions' (empty gzip, no bytes).
        layout.summary(MANUAL, Instant.parse("2026-12-01T10:00:00.000Z"), 3);
        layout.files(MANUAL, List.of(MANUAL + "data/a.json.gz", MANUAL + "data/b.json.gz", MANUAL + "data/c.json.gz", MANUAL + "data/d.json.gz"));
        layout.putGzip(MANUAL + "data/a.json.gz", "{\"Item\":{\"PK\":{\"S\":\"A#1\"},\"Total\":{\"N\":\"5\"},\"Tags\":{\"SS\":[\"x\",\"y\"]}}}\n"
                + "{\"Item\":{\"PK\":{\"S\":\"A#2\"},\"Total\":{\"N\":\"6\"},\"Note\":{\"M\":{\"by\":{\"S\":\"me\"},\"ok\":{\"BOOL\":true}}}}}\n");
        layout.putGzip(MANUAL + "data/b.json.gz", "");
        layout.put(MANUAL + "data/d.json.gz", "");
        layout.putGzip(MANUAL + "data/c.json.gz", "{\"Item\":{\"PK\":{\"S\":\"A#3\"},\"Total\":{\"N\":\"7\"},\"Gone\":{\"NULL\":true}}}\n");
        // Broken's export has a data file in plain JSON, not gzip.
        layout.summary(BROKEN, Instant.parse("2026-12-01T10:00:00.000Z"), 1);
        layout.files(BROKEN, List.of(BROKEN + "data/plain.json.gz"));
        layout.put(BROKEN + "data/plain.json.gz", "{\"Item\":{\"PK\":{\"S\":\"B#1\"}}}\n");
        // A Glue table over Orders names an older export of it, which wins over the newest.
        layout.write(GLUE, Instant.parse("2026-11-01T00:00:00.000Z"), List.of(List.of(Map.of("PK", Tables.s("O#0"), "Total", Tables.n("1")))));
        Path definitions = Files.writeString(dir.resolve("tables.json"), """
                {"Databases": [{"Name": "shop", "Tables": [{"Name": "orders",
                    "Parameters": {"sourceTable": "Orders", "export_location": "s3://%s/%s"}}]}]}
                """.formatted(BUCKET, GLUE));
        wire = LocalSettings.dynamo(moto.endpoint()).with(SpillClients.S3_ENDPOINT, moto.endpoint().toString())
                .with("export_location_archive", "s3://" + BUCKET + "/" + MANUAL)
                .with("export_location_broken", "s3://" + BUCKET + "/" + BROKEN).with(GlueConfig.GLUE_DEFINITIONS_FILE, definitions.toString())
                .wire();
        athena = new AthenaSequence(wire);
    }

    /**
     * Orders' export through moto's ExportTableToPointInTime; its manifests go where DynamoDB writes
     * them, under the ExportId that ends the export's ARN, and name moto's data file.
     */
    private static void exportOrders(DynamoDbClient dynamo)
            throws InterruptedException
    {
        dynamo.updateContinuousBackups(b -> b.tableName("Orders").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        String tableArn = dynamo.describeTable(b -> b.tableName("Orders")).table().tableArn();
        String arn = dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket(BUCKET).s3Prefix("orders")).exportDescription().exportArn();
        ExportDescription export = dynamo.describeExport(b -> b.exportArn(arn)).exportDescription();
        for (int i = 0; i < 100 && export.exportStatus() == ExportStatus.IN_PROGRESS; i++) {
            Thread.sleep(50);
            export = dynamo.describeExport(b -> b.exportArn(arn)).exportDescription();
        }
        assertThat(export.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        String folder = "orders/AWSDynamoDB/" + arn.substring(arn.lastIndexOf('/') + 1) + "/";
        List<String> dataFiles = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("orders/")).contents().stream().map(S3Object::key).toList();
        assertThat(dataFiles).hasSize(1);
        layout.summary(folder, Instant.parse("2026-12-05T08:00:00.000Z"), 2);
        layout.files(folder, dataFiles);
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
        s3.close();
        moto.stop();
    }

    @Test
    void hasTheTablesColumnsAndTheExportTime()
    {
        Schema live = athena.getTable("orders").getSchema();
        Schema export = athena.getTable("orders$export").getSchema();

        List<String> columns = new ArrayList<>(live.getFields().stream().map(Field::getName).toList());
        columns.add("export_time");
        assertThat(export.getFields()).extracting(Field::getName).containsExactlyElementsOf(columns);
        assertThat(export.findField("Total").getType()).isEqualTo(live.findField("Total").getType());
        assertThat(export.findField("export_time").getType()).isInstanceOf(ArrowType.Date.class);
    }

    @Test
    void returnsExactlyTheItemsOfTheNewestExportWithoutReadingDynamoDb()
    {
        List<Map<String, Object>> rows = readWithoutDynamoDbReads("orders$export");

        assertThat(rows).extracting(r -> r.get("pk") + " " + r.get("total")).containsExactlyInAnyOrder("O#1 10", "O#2 20");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("export_time").toString()).startsWith("2026-12-05T08:00"));
    }

    @Test
    void readsTheExportASettingNamesOneSplitPerDataFile()
    {
        List<Map<String, Object>> rows = readWithoutDynamoDbReads("archive$export");

        assertThat(rows).extracting(r -> r.get("pk") + " " + r.get("total")).containsExactlyInAnyOrder("A#1 5", "A#2 6", "A#3 7");
        Schema schema = AthenaSequence.lowerCased(athena.getTable("archive$export").getSchema());
        assertThat(athena.splits("default", "archive$export", schema, new Constraints(Map.of(), List.of(), List.of(), -1, Map.of(), null)))
                .hasSize(4);
    }

    @Test
    void infersItsColumnsFromTheExportsItemsWithoutReadingDynamoDb()
    {
        RecordingInterceptor.start();
        Schema schema = athena.getTable("archive$export").getSchema();
        List<RecordingInterceptor.Call> calls = RecordingInterceptor.stop();

        // The live Archive holds one item with PK and Total only: Tags and Note are the export's.
        assertThat(schema.getFields()).extracting(Field::getName).contains("PK", "Tags", "Note", "Total", "export_time");
        assertThat(calls).extracting(RecordingInterceptor.Call::operation).doesNotContainAnyElementsOf(DYNAMODB_READS);
    }

    /** Every row of an export table, checking that its read (GetTable, GetSplits, ReadRecords) makes S3 calls and no DynamoDB read. */
    private static List<Map<String, Object>> readWithoutDynamoDbReads(String table)
    {
        RecordingInterceptor.start();
        Schema schema = AthenaSequence.lowerCased(athena.getTable(table).getSchema());
        List<Map<String, Object>> rows = athena.scan(table, schema, Map.of());
        List<RecordingInterceptor.Call> calls = RecordingInterceptor.stop();
        assertThat(calls).extracting(RecordingInterceptor.Call::operation).doesNotContainAnyElementsOf(DYNAMODB_READS).contains("GetObject");
        return rows;
    }

    @Test
    void aGlueTablesPropertyNamesTheExportOfItsTable()
    {
        List<Map<String, Object>> rows = athena.readRows("shop", "orders$export", Constraints.DEFAULT_NO_LIMIT);

        assertThat(rows).extracting(r -> r.get("pk") + " " + r.get("total")).containsExactly("O#0 1");
    }

    @Test
    void aLimitReadsTheFilesInOneSplitUpToTheLimit()
    {
        assertThat(athena.readRows("default", "archive$export", 2)).hasSize(2);
    }

    @Test
    void aDataFileThatIsNotGzippedDynamoDbJsonIsOneClearLine()
    {
        assertThatThrownBy(() -> athena.scan("broken$export"))
                .isInstanceOf(AthenaConnectorException.class)
                .hasMessageStartingWith("Export data file s3://exports/" + BROKEN + "data/plain.json.gz is not DynamoDB JSON in gzip");
    }

    @Test
    void aTableWithoutAnExportIsOneClearLine()
    {
        assertThatThrownBy(() -> athena.getTable("quiet$export"))
                .isInstanceOf(AthenaConnectorException.class)
                .hasMessageStartingWith("Table 'quiet$export' reads the newest full export to S3 of DynamoDB table 'Quiet', which has none: "
                        + "export it");
    }
}
