package io.github.athenaddb.jdbc;

import io.github.athenaddb.devkit.EmbeddedPostgresDb;
import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large and partitioned PostgreSQL tables through the wire: a partitioned table is one split per
 * leaf partition, a table above {@code jdbc_split_rows} is read in key ranges, and either way
 * every row arrives exactly once, also with rows whose key lies outside the planned range.
 */
class JdbcSplitsWireTest
{
    private static LambdaWire wire;
    private static AthenaSequence rds;
    private static EmbeddedPostgresDb db;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        db = EmbeddedPostgresDb.newDatabase();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events (id bigint PRIMARY KEY, kind text)");
            s.execute("INSERT INTO events SELECT g, 'k' || (g % 7) FROM generate_series(1, 2500) g");
            // Keys at the ends of bigint: the open first and last ranges must hold them.
            s.execute("INSERT INTO events VALUES (-9223372036854775808, 'min'), (9223372036854775807, 'max')");
            s.execute("CREATE TABLE small (id integer PRIMARY KEY, kind text)");
            s.execute("INSERT INTO small VALUES (1, 'a'), (2, 'b')");
            s.execute("CREATE TABLE orders (id integer, created date NOT NULL, amount numeric(10,2)) PARTITION BY RANGE (created)");
            s.execute("CREATE TABLE orders_2025 PARTITION OF orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')");
            s.execute("CREATE TABLE orders_2026 PARTITION OF orders FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY RANGE (created)");
            s.execute("CREATE TABLE orders_2026_h1 PARTITION OF orders_2026 FOR VALUES FROM ('2026-01-01') TO ('2026-07-01')");
            s.execute("CREATE TABLE orders_2026_h2 PARTITION OF orders_2026 FOR VALUES FROM ('2026-07-01') TO ('2027-01-01')");
            s.execute("CREATE TABLE orders_other PARTITION OF orders DEFAULT");
            s.execute("INSERT INTO orders SELECT g, date '2024-06-01' + (g % 900), g FROM generate_series(1, 1200) g");
            s.execute("ANALYZE");
        }
        wire = new LambdaWire(new DdbCompositeHandler(Map.of(
                ConnectorConfig.DYNAMODB_ENDPOINT, Dynalite.shared().endpoint().toString(),
                ConnectorConfig.REGION, "us-east-1",
                ConnectorConfig.QUERY_STATUS_CHECK, "false",
                JdbcOptions.SPLIT_ROWS, "1000",
                "rds_connection_string", db.jdbcUrlWithCredentials())));
        rds = new AthenaSequence(wire, "rds");
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
    }

    @Test
    void aTableAboveSplitRowsIsReadInKeyRangesWithEveryRowOnce()
    {
        Schema schema = rds.getTable("public", "events").getSchema();
        List<Split> splits = rds.splits("public", "events", schema, constraints(Map.of(), -1));
        assertThat(splits).hasSize(3);
        assertThat(splits).allMatch(s -> s.getProperty(JdbcSplit.RANGE_COLUMN).equals("id"));

        List<Object> ids = ids(read("events", schema, Map.of(), -1, 2));
        assertThat(ids).hasSize(2502).doesNotHaveDuplicates().contains(Long.MIN_VALUE, Long.MAX_VALUE, 1L, 2500L);
    }

    @Test
    void constraintsApplyWithinEachRange()
    {
        Schema schema = rds.getTable("public", "events").getSchema();
        ValueSet k3 = SortedRangeSet.of(false, Range.equal(wire.allocator(), schema.findField("kind").getType(), "k3"));
        List<Object> ids = ids(read("events", schema, Map.of("kind", k3), -1, 2));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 2500).filter(i -> i % 7 == 3).mapToObj(i -> (Object) (long) i).toList());
    }

    @Test
    void aLimitReadsOneSplit()
    {
        Schema schema = rds.getTable("public", "events").getSchema();
        assertThat(rds.splits("public", "events", schema, constraints(Map.of(), 5))).hasSize(1);
        assertThat(read("events", schema, Map.of(), 5, 1)).hasSize(5);
    }

    @Test
    void aSmallTableIsOneSplit()
    {
        Schema schema = rds.getTable("public", "small").getSchema();
        assertThat(rds.splits("public", "small", schema, constraints(Map.of(), -1))).hasSize(1);
    }

    @Test
    void aPartitionedTableIsReadOneLeafPartitionPerSplit()
    {
        assertThat(rds.listTables("public")).contains("orders", "orders_2025");
        Schema schema = rds.getTable("public", "orders").getSchema();
        List<Split> splits = rds.splits("public", "orders", schema, constraints(Map.of(), -1));
        assertThat(splits).extracting(s -> s.getProperty(JdbcSplit.TABLE))
                .containsExactlyInAnyOrder("orders_2025", "orders_2026_h1", "orders_2026_h2", "orders_other");

        List<Object> ids = ids(read("orders", schema, Map.of(), -1, 2));
        assertThat(ids).hasSize(1200).doesNotHaveDuplicates();
    }

    @Test
    void listTablesPagesThroughEveryTable()
    {
        java.util.List<String> all = rds.listTables("public");
        assertThat(all).containsExactly("events", "orders", "orders_2025", "orders_2026", "orders_2026_h1", "orders_2026_h2",
                "orders_other", "small");
    }

    private static Constraints constraints(Map<String, ValueSet> summary, long limit)
    {
        return new Constraints(summary, List.of(), List.of(), limit, Map.of(), null);
    }

    private static List<Map<String, Object>> read(String table, Schema schema, Map<String, ValueSet> summary, long limit, int parallelism)
    {
        List<Map<String, Object>> rows = java.util.Collections.synchronizedList(new ArrayList<>());
        rds.read("public", table, schema, constraints(summary, limit), parallelism, block -> rows.addAll(AthenaSequence.rows(block)));
        return rows;
    }

    private static List<Object> ids(List<Map<String, Object>> rows)
    {
        return rows.stream().map(r -> r.get("id")).toList();
    }
}
