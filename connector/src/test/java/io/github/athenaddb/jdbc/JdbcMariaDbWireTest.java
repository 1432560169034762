package io.github.athenaddb.jdbc;

import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MariaDbServer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MariaDB catalog through the wire, against a real server whose default time zone is not UTC,
 * read by a JVM whose default zone is neither: edge values of every type family, TIMESTAMP as its
 * UTC instant, a case-insensitive collation's superset trimmed to Athena's exact equality, hostile
 * strings as bound values, LIMIT and top-N, and key-range splits.
 *
 * <p>Runs when mariadbd is installed ({@code .ci/run} installs it and sets
 * {@code ATHENA_DDB_REQUIRE_MARIADB=1}, which turns a missing server into a failure).
 */
class JdbcMariaDbWireTest
{
    private static final String HOSTILE = "x'); DROP TABLE `Items`; -- \\' \" ` 😀";
    private static LambdaWire wire;
    private static AthenaSequence mysql;
    private static TimeZone jvmZone;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        boolean required = "1".equals(System.getenv("ATHENA_DDB_REQUIRE_MARIADB"));
        Assumptions.assumeTrue(required || MariaDbServer.binary().isPresent(), "mariadbd is not installed");
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        MariaDbServer server = MariaDbServer.shared();
        String url = server.newDatabase();
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `Items` (id BIGINT PRIMARY KEY, `Name` VARCHAR(100), tiny TINYINT, small SMALLINT, "
                    + "big_u BIGINT UNSIGNED, price DECIMAL(38,4), ratio DOUBLE, flag BOOLEAN, born DATE, seen DATETIME(3), "
                    + "stamped TIMESTAMP(3) NULL, data VARBINARY(16), doc JSON, kind ENUM('a','b'))");
            // Written in a +05:00 session: 12:00 there is 07:00 UTC.
            s.execute("SET time_zone = '+05:00'");
            s.execute("INSERT INTO `Items` VALUES "
                    + "(1, 'Ada', 127, -32768, 18446744073709551615, 1234567890123456789012345678901234.5678, 1.5, TRUE, "
                    + "'2026-01-02', '2026-01-02 10:00:00.123', '2026-01-02 12:00:00.000', x'00ff', '{\"a\": [1, 2]}', 'a'), "
                    + "(2, 'ADA', -128, 32767, 0, -0.0001, -2.25e300, FALSE, '1000-01-01', '9999-12-31 23:59:59.999', "
                    + "'2038-01-19 08:14:07.999', x'', '[]', 'b'), "
                    + "(3, 'Zoë 😀', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
                    + "(4, '" + HOSTILE.replace("\\", "\\\\").replace("'", "''") + "', 0, 0, 1, 0, 0, TRUE, '2026-03-01', NULL, NULL, NULL, NULL, 'a')");
            s.execute("CREATE TABLE many (id INT PRIMARY KEY, v INT)");
            s.execute("SET SESSION max_recursive_iterations = 10000");
            s.execute("INSERT INTO many WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 1500) SELECT n, n % 10 FROM seq");
            s.execute("ANALYZE TABLE many");
        }
        wire = new LambdaWire(new DdbCompositeHandler(Map.of(
                ConnectorConfig.DYNAMODB_ENDPOINT, Dynalite.shared().endpoint().toString(),
                ConnectorConfig.REGION, "us-east-1",
                ConnectorConfig.QUERY_STATUS_CHECK, "false",
                JdbcOptions.SPLIT_ROWS, "500",
                JdbcOptions.QUERY_PASSTHROUGH, "true",
                "maria_connection_string", url)));
        mysql = new AthenaSequence(wire, "maria");
    }

    @AfterAll
    static void tearDown()
    {
        if (wire != null) {
            wire.close();
        }
        if (jvmZone != null) {
            TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void databasesAreSchemasAndTypesMapExactly()
    {
        assertThat(mysql.listSchemas()).doesNotContain("mysql", "information_schema", "performance_schema", "sys");
        String schema = schema();
        assertThat(mysql.listTables(schema)).containsExactlyInAnyOrder("items", "many");
        assertThat(items().getFields()).extracting(f -> f.getName() + " " + f.getType()).containsExactly(
                "id Int(64, true)", "name Utf8", "tiny Int(8, true)", "small Int(16, true)", "big_u Decimal(20, 0, 128)",
                "price Decimal(38, 4, 128)", "ratio FloatingPoint(DOUBLE)", "flag Bool", "born Date(DAY)", "seen Date(MILLISECOND)",
                "stamped Date(MILLISECOND)", "data Binary", "doc Utf8", "kind Utf8");
    }

    @Test
    void edgeValuesRoundTrip()
    {
        List<Map<String, Object>> rows = read(items(), Map.of(), List.of(), -1);
        Map<String, Object> one = byId(rows, 1L);
        assertThat(one).containsEntry("name", "Ada").containsEntry("tiny", (byte) 127).containsEntry("small", (short) -32768)
                .containsEntry("big_u", new BigDecimal("18446744073709551615"))
                .containsEntry("price", new BigDecimal("1234567890123456789012345678901234.5678"))
                .containsEntry("ratio", 1.5).containsEntry("flag", true).containsEntry("born", (int) LocalDate.parse("2026-01-02").toEpochDay())
                .containsEntry("seen", LocalDateTime.parse("2026-01-02T10:00:00.123"))
                .containsEntry("stamped", LocalDateTime.parse("2026-01-02T07:00:00"))
                .containsEntry("doc", "{\"a\": [1, 2]}").containsEntry("kind", "a");
        assertThat((byte[]) one.get("data")).containsExactly(0x00, 0xff);
        Map<String, Object> two = byId(rows, 2L);
        assertThat(two).containsEntry("tiny", (byte) -128).containsEntry("small", (short) 32767).containsEntry("ratio", -2.25e300)
                .containsEntry("born", (int) LocalDate.parse("1000-01-01").toEpochDay()).containsEntry("seen", LocalDateTime.parse("9999-12-31T23:59:59.999"))
                .containsEntry("stamped", LocalDateTime.parse("2038-01-19T03:14:07.999"));
        Map<String, Object> three = byId(rows, 3L);
        assertThat(three.get("name")).isEqualTo("Zoë 😀");
        assertThat(three).containsEntry("tiny", null).containsEntry("price", null).containsEntry("stamped", null).containsEntry("doc", null);
        assertThat(byId(rows, 4L).get("name")).isEqualTo(HOSTILE);
    }

    @Test
    void aCaseInsensitiveCollationsMatchesAreTrimmedToExactEquality()
    {
        Schema items = items();
        assertThat(ids(read(items, Map.of("name", eq(items, "name", "Ada")), List.of(), -1))).containsExactly(1L);
        assertThat(ids(read(items, Map.of("name", eq(items, "name", "Ada")), List.of(), 1))).containsExactly(1L);
        assertThat(ids(read(items, Map.of("name", eq(items, "name", HOSTILE)), List.of(), -1))).containsExactly(4L);
        assertThat(read(items, Map.of(), List.of(), -1)).hasSize(4);
    }

    @Test
    void aTimestampConstraintIsComparedInUtc()
    {
        Schema items = items();
        ValueSet at7 = eq(items, "stamped", LocalDateTime.parse("2026-01-02T07:00:00"));
        assertThat(ids(read(items, Map.of("stamped", at7), List.of(), -1))).containsExactly(1L);
    }

    @Test
    void limitAndTopN()
    {
        Schema items = items();
        assertThat(read(items, Map.of(), List.of(), 2)).hasSize(2);
        List<Map<String, Object>> top = read(items, Map.of(), List.of(new OrderByField("small", OrderByField.Direction.DESC_NULLS_LAST)), 2);
        assertThat(ids(top)).containsExactly(2L, 4L);
        List<Map<String, Object>> nullsFirst = read(items, Map.of(), List.of(new OrderByField("small", OrderByField.Direction.ASC_NULLS_FIRST)), 2);
        assertThat(ids(nullsFirst)).containsExactly(3L, 1L);
    }

    @Test
    void aLargeTableIsReadInKeyRanges()
    {
        Schema many = AthenaSequence.lowerCased(mysql.getTable(schema(), "many").getSchema());
        List<Split> splits = mysql.splits(schema(), "many", many, new Constraints(Map.of(), List.of(), List.of(), -1, Map.of(), null));
        assertThat(splits).hasSizeGreaterThan(1);
        List<Map<String, Object>> rows = java.util.Collections.synchronizedList(new ArrayList<>());
        mysql.read(schema(), "many", many, new Constraints(Map.of(), List.of(), List.of(), -1, Map.of(), null), 2,
                block -> rows.addAll(AthenaSequence.rows(block)));
        assertThat(rows).hasSize(1500);
        assertThat(rows.stream().map(r -> r.get("id")).distinct().count()).isEqualTo(1500);
    }

    @Test
    void passthroughRunsAQueryAndNothingElse()
    {
        String select = "SELECT v, count(*) AS n FROM `" + schema() + "`.many WHERE v < 2 GROUP BY v ORDER BY v";
        Map<String, String> arguments = Map.of("schemaFunctionName", "SYSTEM.QUERY", JdbcPassthrough.QUERY, select);
        Schema schema = mysql.getPassthroughTable(arguments).getSchema();
        List<Map<String, Object>> rows = new ArrayList<>();
        mysql.read("system", "query", schema, new Constraints(Map.of(), List.of(), List.of(), -1, arguments, null), 1,
                block -> rows.addAll(AthenaSequence.rows(block)));
        assertThat(rows).containsExactly(Map.of("v", 0, "n", 150L), Map.of("v", 1, "n", 150L));

        Map<String, String> delete = Map.of("schemaFunctionName", "SYSTEM.QUERY", JdbcPassthrough.QUERY, "DELETE FROM `" + schema() + "`.many");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mysql.getPassthroughTable(delete))
                .hasMessageContaining("Could not run system.query on catalog 'maria'");
        assertThat(read(items(), Map.of(), List.of(), -1)).hasSize(4);
    }

    private static String schema()
    {
        return mysql.listSchemas().stream().filter(s -> s.startsWith("test_")).findFirst().orElseThrow();
    }

    private static Schema items()
    {
        return AthenaSequence.lowerCased(mysql.getTable(schema(), "items").getSchema());
    }

    private static ValueSet eq(Schema schema, String column, Object value)
    {
        return SortedRangeSet.of(false, Range.equal(wire.allocator(), schema.findField(column).getType(), value));
    }

    private static List<Map<String, Object>> read(Schema schema, Map<String, ValueSet> summary, List<OrderByField> orderBy, long limit)
    {
        List<Map<String, Object>> rows = new ArrayList<>();
        mysql.read(schema(), "items", schema, new Constraints(summary, List.of(), orderBy, limit, Map.of(), null), 1,
                block -> rows.addAll(AthenaSequence.rows(block)));
        return rows;
    }

    private static Map<String, Object> byId(List<Map<String, Object>> rows, long id)
    {
        return rows.stream().filter(r -> Long.valueOf(id).equals(r.get("id"))).findFirst().orElseThrow();
    }

    private static List<Object> ids(List<Map<String, Object>> rows)
    {
        return rows.stream().map(r -> r.get("id")).toList();
    }
}
