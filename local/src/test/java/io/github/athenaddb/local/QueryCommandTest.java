package io.github.athenaddb.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code query} command as scripts use it: rows on stdout, stats on stderr and in JSON, exit codes. */
class QueryCommandTest
{
    private static Dynalite dynalite;

    @BeforeAll
    static void setUp()
    {
        dynalite = Dynalite.start();
        DynamoDbClient dynamo = dynalite.client();
        dynamo.createTable(Tables.table("Products", "Sku", ScalarAttributeType.S).build());
        Tables.load(dynamo, "Products", List.of(
                Map.of("Sku", s("P1"), "Title", s("Pen, blue"), "Price", n("1.5"), "Stock", n("10")),
                Map.of("Sku", s("P2"), "Title", s("Say \"hi\""), "Price", n("1000"), "Stock", n("0")),
                Map.of("Sku", s("P3"), "Price", n("0.000000001"), "Tags", AttributeValue.fromSs(List.of("a")))));
    }

    @AfterAll
    static void tearDown()
    {
        dynalite.stop();
    }

    @Test
    void csvWithHeaderQuotingNullsAndPlainDecimals(@TempDir Path dir)
            throws Exception
    {
        Path stats = dir.resolve("stats.json");
        CliRun run = CliRun.of("query", "--dynamodb-endpoint", dynalite.endpoint().toString(), "--format", "csv",
                "--stats-json", stats.toString(), "SELECT sku, title, price FROM ddb.default.products ORDER BY sku");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("sku,title,price\r\n"
                + "P1,\"Pen, blue\",1.500000000\r\n"
                + "P2,\"Say \"\"hi\"\"\",1000.000000000\r\n"
                + "P3,,0.000000001\r\n");
        assertThat(run.err()).contains("-- 3 rows in").contains("-- ddb.default.products: 1 split, requests: Scan");

        JsonNode json = new ObjectMapper().readTree(Files.readString(stats));
        assertThat(json.has("wall_ms")).isTrue();
        JsonNode source = json.get("sources").get(0);
        assertThat(source.get("catalog").asText()).isEqualTo("ddb");
        assertThat(source.get("schema").asText()).isEqualTo("default");
        assertThat(source.get("table").asText()).isEqualTo("products");
        assertThat(source.get("splits").asInt()).isEqualTo(1);
        assertThat(source.get("requests").fieldNames()).toIterable().containsExactly("GetItem", "BatchGetItem", "Query", "Scan");
        assertThat(source.get("requests").get("Scan").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(source.get("rcu").asDouble()).isPositive();
        assertThat(source.get("items_scanned").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(source.get("rows_returned").asLong()).isEqualTo(3);
    }

    @Test
    void jsonLinesKeepNumbersExact()
    {
        CliRun run = CliRun.of("query", "--dynamodb-endpoint", dynalite.endpoint().toString(), "--format", "json",
                "SELECT sku, stock, tags FROM ddb.default.products WHERE sku IN ('P1', 'P3') ORDER BY sku");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "{\"sku\":\"P1\",\"stock\":10,\"tags\":null}",
                "{\"sku\":\"P3\",\"stock\":null,\"tags\":[\"a\"]}");
    }

    @Test
    void badSqlIsOneLineAndExitCodeTwo()
    {
        CliRun run = CliRun.of("query", "--dynamodb-endpoint", dynalite.endpoint().toString(), "SELECT FROM WHERE");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("athena-local: ").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownTableAndColumnAreNamed()
    {
        CliRun table = CliRun.of("query", "--dynamodb-endpoint", dynalite.endpoint().toString(), "SELECT * FROM ddb.default.nope");
        assertThat(table.exit()).isEqualTo(2);
        assertThat(table.err()).contains("Table 'ddb.default.nope' does not exist (TABLE_NOT_FOUND)");
        CliRun column = CliRun.of("query", "--dynamodb-endpoint", dynalite.endpoint().toString(), "SELECT colour FROM ddb.default.products");
        assertThat(column.exit()).isEqualTo(2);
        assertThat(column.err()).contains("Column 'colour' cannot be resolved (COLUMN_NOT_FOUND)");
    }
}
