package io.github.athenaddb.ddb.glue;

import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.testing.LocalSettings;
import io.github.athenaddb.testing.RecordedRead;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Glue tables as users of the official connector have them, created in moto_server's Glue: what
 * Glue's DynamoDB crawler writes (classification dynamodb in the table's and the
 * StorageDescriptor's parameters, the table ARN as location, {@code set<T>} for SS/NS/BS) and the
 * shapes the official documentation describes (sourceTable, columnMapping, datetimeFormatMapping,
 * defaultTimeZone), beside tables of other kinds in the same database. Items in dynalite; rows
 * read through the Lambda wire.
 */
class OfficialGlueShapesWireTest
{
    private static final String EVENTS = "OfficialEvents";
    private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/" + EVENTS;
    private static MotoServer moto;
    private static LambdaWire wire;
    private static AthenaSequence athena;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        dynalite.client().createTable(table(EVENTS, "id", ScalarAttributeType.S).build());
        Map<String, AttributeValue> e1 = new LinkedHashMap<>();
        e1.put("id", s("e1"));
        e1.put("Tags", AttributeValue.fromSs(List.of("red", "blue")));
        e1.put("Scores", AttributeValue.fromNs(List.of("7", "42")));
        e1.put("Blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("ab"))));
        e1.put("Profile", AttributeValue.fromM(Map.of("Name", s("Ada"), "Zip", s("75001"))));
        e1.put("Items", AttributeValue.fromL(List.of(s("x"), s("y"))));
        e1.put("Attrs", AttributeValue.fromM(Map.of("color", n("3"))));
        e1.put("Price", n("12.50"));
        e1.put("CreatedMs", n("1791000000000"));
        e1.put("CreatedSec", n("1791000000"));
        e1.put("Day", s("2026-10-03"));
        e1.put("Compact", s("20261003T101530Z"));
        e1.put("Local", s("03/10/2026 10:15:30"));
        e1.put("Offset", s("2026-10-03T10:15:30+02:00"));
        Map<String, AttributeValue> e2 = new LinkedHashMap<>();
        e2.put("id", s("e2"));
        e2.put("CreatedMs", n("0"));
        e2.put("Day", s("20261004T000000"));
        load(dynalite.client(), EVENTS, List.of(e1, e2));

        moto = MotoServer.start();
        try (GlueClient glue = moto.glue()) {
            // The official connector's mark: dynamo-db-flag in the database's location URI.
            glue.createDatabase(b -> b.databaseInput(DatabaseInput.builder().name("crawled").locationUri("dynamo-db-flag").build()));
            // As Glue's DynamoDB crawler writes it: the table named after the DynamoDB one, lower-cased.
            Map<String, String> crawler = Map.of("classification", "dynamodb", "hashKey", "id", "typeOfData", "table",
                    "recordCount", "2", "sizeKey", "512", "UPDATED_BY_CRAWLER", "ddb-crawler", "compressionType", "none");
            glue.createTable(b -> b.databaseName("crawled").tableInput(TableInput.builder().name("officialevents").parameters(crawler)
                    .tableType("EXTERNAL_TABLE")
                    .storageDescriptor(StorageDescriptor.builder().location(ARN).parameters(crawler).columns(
                            col("id", "string"), col("tags", "set<string>"), col("scores", "set<bigint>"), col("blobs", "set<binary>"),
                            col("profile", "struct<name:string,zip:string>"), col("items", "array<string>"), col("price", "double"),
                            col("createdms", "bigint")).build()).build()));
            // The crawler's table renamed by hand: only the location says which DynamoDB table.
            glue.createTable(b -> b.databaseName("crawled").tableInput(TableInput.builder().name("events_by_arn")
                    .storageDescriptor(StorageDescriptor.builder().location(ARN).parameters(Map.of("classification", "dynamodb"))
                            .columns(col("id", "string"), col("createdms", "timestamp")).build()).build()));
            // As the official documentation describes a hand-made table.
            glue.createTable(b -> b.databaseName("crawled").tableInput(TableInput.builder().name("events")
                    .parameters(Map.of("classification", "dynamodb", "sourceTable", EVENTS,
                            "columnMapping", "created_ms=CreatedMs,created_sec=CreatedSec,day=Day,compact=Compact,local=Local,offset=Offset",
                            "datetimeFormatMapping", "created_sec=epoch_seconds,local=dd/MM/yyyy HH:mm:ss,offset=yyyy-MM-dd'T'HH:mm:ssZZ",
                            "defaultTimeZone", "Europe/Berlin"))
                    .storageDescriptor(StorageDescriptor.builder().location("dynamodb").columns(
                            col("id", "string"), col("created_ms", "timestamp"), col("created_sec", "timestamp"), col("day", "date"),
                            col("compact", "timestamp"), col("local", "timestamp"), col("offset", "timestamp"),
                            col("attrs", "map<string,int>"), col("price", "decimal(10,2)")).build()).build()));
            // Not DynamoDB tables, in the same database.
            glue.createTable(b -> b.databaseName("crawled").tableInput(TableInput.builder().name("clicks")
                    .parameters(Map.of("classification", "parquet"))
                    .storageDescriptor(StorageDescriptor.builder().location("s3://lake/clicks/").columns(col("id", "string")).build()).build()));
            glue.createTable(b -> b.databaseName("crawled").tableInput(TableInput.builder().name("exports")
                    .storageDescriptor(StorageDescriptor.builder().location("s3://lake/exports/").columns(col("id", "string")).build()).build()));
            glue.createTable(b -> b.databaseName("crawled").tableInput(TableInput.builder().name("csvwithsource")
                    .parameters(Map.of("classification", "csv", "sourceTable", EVENTS))
                    .storageDescriptor(StorageDescriptor.builder().columns(col("id", "string")).build()).build()));
            glue.createTable(b -> b.databaseName("crawled").tableInput(TableInput.builder().name("oddtypes")
                    .parameters(Map.of("classification", "dynamodb"))
                    .storageDescriptor(StorageDescriptor.builder().location(ARN).columns(col("id", "string"),
                            col("choice", "uniontype<int,string>")).build()).build()));
        }
        wire = LocalSettings.dynamo(dynalite.endpoint()).glue(moto.endpoint()).wire();
        athena = new AthenaSequence(wire);
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
        moto.stop();
    }

    @Test
    void onlyDynamoDbTablesAreListedAndAnotherKindIsAClearError()
    {
        assertThat(athena.listSchemas()).contains("crawled");
        assertThat(athena.listTables("crawled")).containsExactlyInAnyOrder("officialevents", "events_by_arn", "events", "oddtypes");

        assertThatThrownBy(() -> athena.getTable("crawled", "clicks"))
                .hasMessageContaining("Glue database 'crawled', table 'clicks' is not a DynamoDB table: its classification is 'parquet'");
        assertThatThrownBy(() -> athena.getTable("crawled", "exports"))
                .hasMessageContaining("table 'exports' is not a DynamoDB table: its location 's3://lake/exports/' is not a DynamoDB table");
        assertThatThrownBy(() -> athena.getTable("crawled", "csvwithsource"))
                .hasMessageContaining("its classification is 'csv'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCrawlersTableReadsItsDynamoDbTableFromTheLocationArnWithSetsAsArrays()
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable("crawled", "officialevents").getSchema());
        assertThat(schema.getFields()).extracting(f -> f.getName() + " " + f.getType()).containsExactly("id Utf8", "tags List",
                "scores List", "blobs List", "profile Struct", "items List", "price FloatingPoint(DOUBLE)", "createdms Int(64, true)");

        Map<String, Object> e1 = row(read("officialevents", schema), "e1");
        assertThat((List<Object>) e1.get("tags")).containsExactlyInAnyOrder("red", "blue");
        assertThat((List<Object>) e1.get("scores")).containsExactlyInAnyOrder(7L, 42L);
        assertThat((List<Object>) e1.get("blobs")).singleElement().isEqualTo("ab".getBytes());
        assertThat(e1.get("profile")).isEqualTo(Map.of("name", "Ada", "zip", "75001"));
        assertThat(e1.get("items")).isEqualTo(List.of("x", "y"));
        assertThat(e1.get("price")).isEqualTo(12.5);
        assertThat(e1.get("createdms")).isEqualTo(1791000000000L);
    }

    @Test
    void aRenamedTableFindsItsSourceByArnAndReadsEpochMillisAsTheOfficialConnectorDoes()
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable("crawled", "events_by_arn").getSchema());
        List<Map<String, Object>> rows = read("events_by_arn", schema);

        // 1791000000000 ms is 2026-10-03T04:00:00Z; without a format a number is milliseconds.
        assertThat(row(rows, "e1").get("createdms")).isEqualTo(LocalDateTime.parse("2026-10-03T04:00"));
        assertThat(row(rows, "e2").get("createdms")).isEqualTo(LocalDateTime.parse("1970-01-01T00:00"));
    }

    @Test
    void theDocumentedShapeReadsMappedColumnsInTheirFormatsAndZone()
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable("crawled", "events").getSchema());
        List<Map<String, Object>> rows = read("events", schema);

        Map<String, Object> e1 = row(rows, "e1");
        // Epoch numbers are instants, shown in defaultTimeZone (Berlin is UTC+2 in October).
        assertThat(e1.get("created_ms")).isEqualTo(LocalDateTime.parse("2026-10-03T06:00"));
        assertThat(e1.get("created_sec")).as("epoch_seconds").isEqualTo(LocalDateTime.parse("2026-10-03T06:00"));
        assertThat(e1.get("day")).isEqualTo((int) LocalDate.parse("2026-10-03").toEpochDay());
        assertThat(e1.get("compact")).as("compact ISO with Z, converted to Berlin").isEqualTo(LocalDateTime.parse("2026-10-03T12:15:30"));
        assertThat(e1.get("local")).as("a pattern without a zone is kept as written").isEqualTo(LocalDateTime.parse("2026-10-03T10:15:30"));
        assertThat(e1.get("offset")).as("ZZ reads +02:00").isEqualTo(LocalDateTime.parse("2026-10-03T10:15:30"));
        assertThat(e1.get("attrs")).isEqualTo(List.of(Map.of("key", "color", "value", 3)));
        assertThat(e1.get("price")).isEqualTo(new BigDecimal("12.50"));
        assertThat(row(rows, "e2").get("day")).as("compact ISO date-time as a date").isEqualTo((int) LocalDate.parse("2026-10-04").toEpochDay());
    }

    @Test
    void aTypeWithNoAthenaEquivalentFailsNamingDatabaseTableColumnAndType()
    {
        assertThatThrownBy(() -> athena.getTable("crawled", "oddtypes"))
                .hasMessageContaining("Glue database 'crawled', table 'oddtypes', column 'choice'")
                .hasMessageContaining("uniontype<int,string>")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static List<Map<String, Object>> read(String table, Schema schema)
    {
        return RecordedRead.of(athena, "crawled", table, schema, RecordedRead.summary(Map.of())).rows();
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String id)
    {
        return rows.stream().filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
    }

    private static Column col(String name, String type)
    {
        return Column.builder().name(name).type(type).build();
    }
}
