package io.github.athenaddb.jdbc;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.EmbeddedPostgresDb;
import io.github.athenaddb.devkit.LambdaWire;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * system.query on a PostgreSQL catalog through the wire: off unless opted in; when on, the
 * database's own SQL (a join, an aggregate, a CTE) returns its rows with their types, and
 * anything that is not a query is refused by the database before it runs.
 */
class JdbcPassthroughWireTest
{
    private static EmbeddedPostgresDb db;
    private static LambdaWire on;
    private static LambdaWire off;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        db = EmbeddedPostgresDb.newDatabase();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id integer PRIMARY KEY, city text)");
            s.execute("CREATE TABLE orders (id integer PRIMARY KEY, customer integer, amount numeric(10,2))");
            s.execute("INSERT INTO customers VALUES (1, 'Oslo'), (2, 'Rome'), (3, 'Oslo')");
            s.execute("INSERT INTO orders VALUES (10, 1, 5.50), (11, 1, 4.50), (12, 2, 7.00), (13, 3, 1.25)");
        }
        on = wire(true);
        off = wire(false);
    }

    private static LambdaWire wire(boolean passthrough)
    {
        Map<String, String> config = new HashMap<>(Map.of(
                ConnectorConfig.DYNAMODB_ENDPOINT, Dynalite.shared().endpoint().toString(),
                ConnectorConfig.REGION, "us-east-1",
                ConnectorConfig.QUERY_STATUS_CHECK, "false",
                "rds_connection_string", db.jdbcUrlWithCredentials()));
        if (passthrough) {
            config.put(JdbcOptions.QUERY_PASSTHROUGH, "true");
        }
        return new LambdaWire(new DdbCompositeHandler(config));
    }

    @AfterAll
    static void tearDown()
    {
        on.close();
        off.close();
    }

    @Test
    void offUnlessOptedIn()
    {
        AthenaSequence rds = new AthenaSequence(off, "rds");
        assertThatThrownBy(() -> rds.getPassthroughTable(arguments("SELECT 1 AS one")))
                .hasMessageContaining("system.query is off for catalog 'rds': set jdbc_query_passthrough=true");
    }

    @Test
    void theDatabaseRunsItsOwnSql()
    {
        List<Map<String, Object>> rows = query("WITH spent AS (SELECT customer, sum(amount) AS total FROM orders GROUP BY customer) "
                + "SELECT c.city, sum(s.total) AS total, count(*) AS \"Customers\" FROM customers c JOIN spent s ON s.customer = c.id "
                + "GROUP BY c.city ORDER BY c.city; ");
        assertThat(rows).containsExactly(
                Map.of("city", "Oslo", "total", new java.math.BigDecimal("11.2500000000"), "customers", 2L),
                Map.of("city", "Rome", "total", new java.math.BigDecimal("7.0000000000"), "customers", 1L));
    }

    @Test
    void onlyAQueryRuns()
            throws Exception
    {
        assertThatThrownBy(() -> query("DELETE FROM orders")).hasMessageContaining("Could not run system.query on catalog 'rds'");
        assertThatThrownBy(() -> query("SELECT 1; DELETE FROM orders")).hasMessageContaining("';' is not accepted anywhere");
        assertThatThrownBy(() -> query("SELECT 1) AS x; COMMIT; DELETE FROM orders; SELECT * FROM (SELECT 1"))
                .hasMessageContaining("';' is not accepted anywhere");
        assertThatThrownBy(() -> query("SELECT '\\'; DELETE FROM orders; --'")).hasMessageContaining("';' is not accepted anywhere");
        // A query that would write (row locks) is stopped by the read-only transaction; breaking out of the
        // derived table without ';' still gives one query.
        assertThatThrownBy(() -> query("SELECT * FROM orders FOR UPDATE")).hasMessageContaining("read-only transaction");
        assertThat(query("SELECT 1 AS one) AS x UNION ALL SELECT * FROM (SELECT 2")).hasSize(2);
        assertThatThrownBy(() -> query("WITH gone AS (DELETE FROM orders RETURNING *) SELECT * FROM gone"))
                .hasMessageContaining("Could not run system.query");
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
        }
    }

    @Test
    void duplicateColumnNamesAreRefusedByName()
    {
        assertThatThrownBy(() -> query("SELECT c.id, o.id FROM customers c JOIN orders o ON o.customer = c.id"))
                .hasMessageContaining("two columns named 'id'");
    }

    private static Map<String, String> arguments(String statement)
    {
        return Map.of("schemaFunctionName", "SYSTEM.QUERY", JdbcPassthrough.QUERY, statement);
    }

    private static List<Map<String, Object>> query(String statement)
    {
        AthenaSequence rds = new AthenaSequence(on, "rds");
        Schema schema = rds.getPassthroughTable(arguments(statement)).getSchema();
        List<Map<String, Object>> rows = new ArrayList<>();
        rds.read("system", "query", schema, new Constraints(Map.of(), List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, arguments(statement), null),
                1, block -> rows.addAll(AthenaSequence.rows(block)));
        return rows;
    }
}
