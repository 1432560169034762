package io.github.athenaddb.trino;

import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.Tables;
import io.trino.Session;
import io.trino.testing.MaterializedRow;
import io.trino.testing.StandaloneQueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values through Arrow and Trino pages without loss: a table declared in a Glue definitions file
 * with decimal(38,18), binary, timestamp, date, and nested struct, array and map columns; each
 * value compared exactly, as Trino prints it.
 */
class TrinoExactValuesTest
{
    private static final String TABLE = "ExactValues";
    private static StandaloneQueryRunner trino;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        Tables.create(dynalite.client(), Tables.table(TABLE, "pk", ScalarAttributeType.S).build());
        Tables.load(dynalite.client(), TABLE, List.of(Map.of(
                "pk", s("a"),
                "price", n("12345678901234567890.123456789012345678"),
                "small", n("-0.000000000000000001"),
                "blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xfe, (byte) 0xff, 'x'})),
                "created", s("2026-03-04T05:06:07.891Z"),
                "day", s("2026-02-28"),
                "info", m(Map.of("name", s("dëep ☃"), "tags", l(s("t1"), s("t2")), "dims", m(Map.of("w", n("3"), "h", n("-4"))))),
                "counts", m(Map.of("a", n("9007199254740993"), "b", n("-1"))),
                "lines", l(m(Map.of("sku", s("S1"), "qty", n("2"))), m(Map.of("sku", s("S2"), "qty", n("5")))))));

        Path definitions;
        try {
            definitions = Files.createTempFile("exact-values", ".json");
            Files.writeString(definitions, """
                    {"Databases": [{"Name": "typed", "Tables": [
                      {"Name": "exactvalues", "Parameters": {"sourceTable": "ExactValues"},
                       "StorageDescriptor": {"Columns": [
                         {"Name": "pk", "Type": "string"},
                         {"Name": "price", "Type": "decimal(38,18)"},
                         {"Name": "small", "Type": "decimal(38,18)"},
                         {"Name": "blob", "Type": "binary"},
                         {"Name": "created", "Type": "timestamp"},
                         {"Name": "day", "Type": "date"},
                         {"Name": "info", "Type": "struct<name:string,tags:array<string>,dims:struct<w:int,h:int>>"},
                         {"Name": "counts", "Type": "map<string,bigint>"},
                         {"Name": "lines", "Type": "array<struct<sku:string,qty:int>>"}]}}]}]}
                    """);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Session session = testSessionBuilder().setCatalog("ddb").setSchema("typed").build();
        trino = new StandaloneQueryRunner(session);
        trino.installPlugin(new FederationPlugin());
        trino.createCatalog("ddb", FederationConnectorFactory.NAME, Map.of(
                "federation.handler", RecordingDdbHandler.class.getName(),
                "federation.config.dynamodb_endpoint", dynalite.endpoint().toString(),
                "federation.config.AWS_REGION", "us-east-1",
                "federation.config.athena_query_status_check", "false",
                "federation.config.glue_definitions_file", definitions.toString()));
    }

    @AfterAll
    static void tearDown()
    {
        if (trino != null) {
            trino.close();
        }
    }

    @Test
    void declaredTypesReachTrino()
    {
        Map<Object, Object> types = trino.execute("DESCRIBE exactvalues").getMaterializedRows().stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.getField(0), r -> r.getField(1)));
        assertThat(types).containsEntry("price", "decimal(38,18)").containsEntry("blob", "varbinary")
                .containsEntry("created", "timestamp(3)").containsEntry("day", "date")
                .containsEntry("info", "row(\"name\" varchar, \"tags\" array(varchar), \"dims\" row(\"w\" integer, \"h\" integer))")
                .containsEntry("counts", "map(varchar, bigint)")
                .containsEntry("lines", "array(row(\"sku\" varchar, \"qty\" integer))");
    }

    @Test
    void everyValueIsExact()
    {
        MaterializedRow row = trino.execute("""
                SELECT CAST(price AS varchar), CAST(small AS varchar), to_hex(blob), CAST(created AS varchar), CAST(day AS varchar),
                       json_format(CAST(info AS json)), counts['a'], counts['b'], json_format(CAST(lines AS json)),
                       info.dims.h, lines[2].qty
                FROM exactvalues WHERE pk = 'a'""").getMaterializedRows().get(0);

        assertThat(row.getFields()).containsExactly(
                "12345678901234567890.123456789012345678",
                "-0.000000000000000001",
                "0001FEFF78",
                "2026-03-04 05:06:07.891",
                "2026-02-28",
                "{\"name\":\"dëep ☃\",\"tags\":[\"t1\",\"t2\"],\"dims\":{\"w\":3,\"h\":-4}}",
                9007199254740993L,
                -1L,
                "[{\"sku\":\"S1\",\"qty\":2},{\"sku\":\"S2\",\"qty\":5}]",
                -4,
                5);
    }
}
