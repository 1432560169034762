package io.github.athenaddb.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.EmbeddedPostgresDb;
import io.github.athenaddb.devkit.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code query --jdbc NAME=URL}: a PostgreSQL database mounted as a catalog next to DynamoDB,
 * through the same wire, and joined with a DynamoDB table; every column type family the local
 * engine shows, and the constraints the engine sends as the database's WHERE clause.
 */
class JdbcQueryCommandTest
{
    private static Dynalite dynalite;
    private static EmbeddedPostgresDb db;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        dynalite = Dynalite.start();
        DynamoDbClient dynamo = dynalite.client();
        dynamo.createTable(Tables.table("Orders", "OrderId", ScalarAttributeType.S).build());
        Tables.load(dynamo, "Orders", List.of(
                Map.of("OrderId", s("o1"), "Customer", s("ada"), "Amount", n("10.5")),
                Map.of("OrderId", s("o2"), "Customer", s("ada"), "Amount", n("4.5")),
                Map.of("OrderId", s("o3"), "Customer", s("bob"), "Amount", n("7")),
                Map.of("OrderId", s("o4"), "Customer", s("nobody"), "Amount", n("1"))));
        db = EmbeddedPostgresDb.newDatabase();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customers (username text PRIMARY KEY, gender text, birth_year smallint, visits integer, "
                    + "points bigint, created_at timestamp, born date, vip boolean)");
            st.execute("INSERT INTO customers VALUES ('ada', 'female', 1985, 3, 9000000000, '2026-01-02 10:00:00.250', '1985-12-10', true), "
                    + "('bob', 'male', 1979, NULL, 1, '2025-06-30 08:30:00', '1979-01-01', false)");
        }
    }

    @AfterAll
    static void tearDown()
    {
        dynalite.stop();
    }

    @Test
    void aFederatedJoinReturnsExactlyTheMatchingRows(@TempDir Path dir)
            throws Exception
    {
        Path stats = dir.resolve("stats.json");
        CliRun run = query("--stats-json", stats.toString(), "SELECT c.gender, count(*) AS orders, sum(o.amount) AS spent "
                + "FROM ddb.default.orders AS o JOIN \"lambda:rds\".public.customers AS c ON c.username = o.customer "
                + "GROUP BY c.gender ORDER BY c.gender");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("gender,orders,spent\r\nfemale,2,15.000000000\r\nmale,1,7.000000000\r\n");
        JsonNode json = new ObjectMapper().readTree(stats.toFile());
        assertThat(json.get("sources")).extracting(s -> s.get("catalog").asText() + "." + s.get("table").asText())
                .containsExactlyInAnyOrder("ddb.orders", "rds.customers");
        assertThat(run.err()).contains("-- rds.public.customers: 1 split, 2 rows returned");
    }

    @Test
    void everyTypeFamilyReadsAsWritten()
    {
        CliRun run = query("SELECT username, birth_year, visits, points, created_at, born, vip FROM rds.public.customers ORDER BY username");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("username,birth_year,visits,points,created_at,born,vip\r\n"
                + "ada,1985,3,9000000000,2026-01-02 10:00:00.250,1985-12-10,true\r\n"
                + "bob,1979,,1,2025-06-30 08:30:00.000,1979-01-01,false\r\n");
    }

    @Test
    void timestampDateAndIntegerConstraintsReachTheDatabase()
    {
        CliRun run = query("SELECT username FROM rds.public.customers WHERE created_at >= TIMESTAMP '2026-01-01 00:00:00' "
                + "AND born < DATE '2000-01-01' AND points > 5");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("username\r\nada\r\n");
        assertThat(run.err()).contains("created_at >= TIMESTAMP '2026-01-01 00:00:00.000'").contains("born < DATE '2000-01-01'").contains("points > 5");
    }

    private static CliRun query(String... args)
    {
        List<String> all = new java.util.ArrayList<>(List.of("query", "--dynamodb-endpoint", dynalite.endpoint().toString(),
                "--jdbc", "rds=" + db.jdbcUrlWithCredentials(), "--format", "csv"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }
}
