package io.github.athenaddb.local;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.QueryFailure;
import io.github.athenaddb.local.engine.QueryResult;
import io.github.athenaddb.local.engine.ScanLimit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQL through the local engine, the connector's wire and dynalite: exact rows, and what was
 * pushed to the connector for each read.
 */
class EngineEndToEndTest
{
    /** GetTable's schema sample reads the whole 15-item table once per statement. */
    private static final long SAMPLED = 15;
    private static Dynalite dynalite;
    private static LocalConnector connector;
    private static LocalEngine engine;
    private static LocalEngine withoutPushdown;

    @BeforeAll
    static void setUp()
    {
        dynalite = Dynalite.start();
        DynamoDbClient dynamo = dynalite.client();
        dynamo.createTable(Tables.table("Shop", "PK", ScalarAttributeType.S)
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                .attributeDefinitions(attribute("PK", ScalarAttributeType.S), attribute("SK", ScalarAttributeType.S)).build());
        Tables.load(dynamo, "Shop", items());
        dynamo.createTable(Tables.table("Wide", "Id", ScalarAttributeType.S).build());
        Tables.load(dynamo, "Wide", List.of(
                Map.of("Id", AttributeValue.fromS("a"), "Bignum", AttributeValue.fromN("12345678901234567890123456789012345678")),
                Map.of("Id", AttributeValue.fromS("b"), "Bignum", AttributeValue.fromN("123456789.123456789"))));
        // No schema cache: every statement's GetTable samples the table, so request counts are the same in any test order.
        connector = LocalConnector.forEndpoint(Optional.of(dynalite.endpoint()), Map.of(ConnectorConfig.SCHEMA_CACHE_SECONDS, "0"));
        engine = connector.engine(EngineOptions.DEFAULTS);
        withoutPushdown = connector.engine(new EngineOptions(false, false));
    }

    @AfterAll
    static void tearDown()
    {
        engine.close();
        withoutPushdown.close();
        connector.close();
        dynalite.stop();
    }

    /** Customers c1..c3; each has orders with a status (a reserved word), an amount and a quantity. */
    private static List<Map<String, AttributeValue>> items()
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        String[] names = {"Ada", "O'Brien \"the 2nd\"", "Zoë 🚀"};
        for (int c = 1; c <= 3; c++) {
            items.add(Map.of("PK", s("C#" + c), "SK", s("PROFILE"), "Type", s("Customer"), "Name", s(names[c - 1]),
                    "City", s(c == 3 ? "Berlin" : "Paris")));
            for (int o = 1; o <= 4; o++) {
                Map<String, AttributeValue> order = new HashMap<>();
                order.put("PK", s("C#" + c));
                order.put("SK", s("ORDER#" + o));
                order.put("Type", s("Order"));
                order.put("status", s(o % 2 == 0 ? "SHIPPED" : "PLACED"));
                order.put("Amount", n(c + "" + o + ".25"));
                order.put("Qty", n(Integer.toString(o)));
                items.add(order);
            }
        }
        return items;
    }

    @Test
    void pointLookupByFullKey()
    {
        QueryResult r = engine.execute("SELECT sk, amount FROM ddb.default.shop WHERE pk = 'C#2' AND sk = 'ORDER#3'");
        assertThat(r.rows()).containsExactly(List.of("ORDER#3", new BigDecimal("23.250000000")));
        assertThat(pushed(r)).containsExactly("pk = 'C#2' AND sk = 'ORDER#3'");
        assertThat(r.sources().get(0).rowsReturned()).isEqualTo(1);
        assertThat(dataRequests(r)).isEqualTo(Map.of("GetItem", 1L));
        assertThat(r.sources().get(0).itemsScanned()).isEqualTo(SAMPLED + 1);
    }

    @Test
    void rangeOnANumber()
    {
        QueryResult r = engine.execute("SELECT pk, sk FROM \"lambda:ddb\".\"default\".\"shop\" WHERE qty BETWEEN 2 AND 3 AND pk = 'C#1' ORDER BY sk");
        assertThat(r.rows()).containsExactly(List.of("C#1", "ORDER#2"), List.of("C#1", "ORDER#3"));
        assertThat(pushed(r)).containsExactly("pk = 'C#1' AND qty >= 2 AND qty <= 3");
        assertThat(dataRequests(r)).isEqualTo(Map.of("Query", 1L));
        assertThat(r.sources().get(0).itemsScanned()).isEqualTo(SAMPLED + 5);
    }

    @Test
    void groupByOnAReservedWordAttribute()
    {
        QueryResult r = engine.execute("SELECT status, count(*) AS n, sum(amount) AS total FROM ddb.default.shop "
                + "WHERE type = 'Order' GROUP BY status ORDER BY status");
        assertThat(r.rows()).containsExactly(
                List.of("PLACED", 6L, new BigDecimal("133.500000000")),
                List.of("SHIPPED", 6L, new BigDecimal("139.500000000")));
        assertThat(pushed(r)).containsExactly("type = 'Order'");
        assertThat(dataRequests(r)).containsOnlyKeys("Scan");
    }

    @Test
    void likePrefixOnTheSortKeyBecomesAKeyRange()
    {
        QueryResult r = engine.execute("SELECT sk FROM ddb.default.shop WHERE pk = 'C#2' AND sk LIKE 'ORDER#%' ORDER BY sk");
        assertThat(r.rows()).containsExactly(List.of("ORDER#1"), List.of("ORDER#2"), List.of("ORDER#3"), List.of("ORDER#4"));
        assertThat(pushed(r)).containsExactly("pk = 'C#2' AND sk >= 'ORDER#' AND sk < 'ORDER$'");
        assertThat(dataRequests(r)).isEqualTo(Map.of("Query", 1L));
        assertThat(r.sources().get(0).itemsScanned()).isEqualTo(SAMPLED + 4);
    }

    @Test
    void partitionKeyInListBecomesOneQueryPerValue()
    {
        QueryResult r = engine.execute("SELECT pk, sk FROM ddb.default.shop WHERE pk IN ('C#1', 'C#3', 'C#9') AND sk >= 'ORDER#3' ORDER BY pk, sk");
        assertThat(r.rows()).containsExactly(
                List.of("C#1", "ORDER#3"), List.of("C#1", "ORDER#4"), List.of("C#1", "PROFILE"),
                List.of("C#3", "ORDER#3"), List.of("C#3", "ORDER#4"), List.of("C#3", "PROFILE"));
        assertThat(r.sources().get(0).splits()).isEqualTo(3);
        assertThat(dataRequests(r)).isEqualTo(Map.of("Query", 3L));
    }

    @Test
    void predicateOnTheReservedWordItself()
    {
        QueryResult r = engine.execute("SELECT count(*) FROM ddb.default.shop WHERE status = 'SHIPPED'");
        assertThat(r.rows()).containsExactly(List.of(6L));
        assertThat(pushed(r)).containsExactly("status = 'SHIPPED'");
    }

    @Test
    void selfJoinOfTwoEntitySlicesOfTheSingleTable()
    {
        QueryResult r = engine.execute("SELECT c.name, count(*) AS orders FROM ddb.default.shop c "
                + "JOIN ddb.default.shop o ON o.pk = c.pk "
                + "WHERE c.type = 'Customer' AND o.type = 'Order' AND o.status = 'SHIPPED' "
                + "GROUP BY c.name ORDER BY c.name");
        assertThat(r.rows()).containsExactly(
                List.of("Ada", 2L), List.of("O'Brien \"the 2nd\"", 2L), List.of("Zoë 🚀", 2L));
        assertThat(pushed(r)).containsExactlyInAnyOrder("type = 'Customer'", "status = 'SHIPPED' AND type = 'Order'");
        assertThat(r.sources()).hasSize(1);
        assertThat(r.sources().get(0).splits()).isEqualTo(2);
    }

    @Test
    void orderByLimitStaysTheEnginesSinceTheConnectorDeclaresNoTopN()
    {
        QueryResult r = engine.execute("SELECT pk, sk, amount FROM ddb.default.shop WHERE type = 'Order' ORDER BY amount DESC LIMIT 2");
        assertThat(r.rows()).containsExactly(
                List.of("C#3", "ORDER#4", new BigDecimal("34.250000000")),
                List.of("C#3", "ORDER#3", new BigDecimal("33.250000000")));
        assertThat(pushed(r)).containsExactly("type = 'Order'");
        // As in Athena: a top-N goes to a source only when it declares top-N pushdown; this connector declares LIMIT alone.
        assertThat(r.sources().get(0).limitPerRead()).containsExactly(ScanLimit.NONE);
        assertThat(r.sources().get(0).rowsReturned()).isEqualTo(12L);
    }

    @Test
    void stringValuesWithQuotesAndUnicodeMatchExactly()
    {
        QueryResult quoted = engine.execute("SELECT pk FROM ddb.default.shop WHERE name = 'O''Brien \"the 2nd\"'");
        assertThat(quoted.rows()).containsExactly(List.of("C#2"));
        assertThat(pushed(quoted)).containsExactly("name = 'O''Brien \"the 2nd\"'");
        QueryResult unicode = engine.execute("SELECT pk, city FROM ddb.default.shop WHERE name IN ('Zoë 🚀', 'nobody')");
        assertThat(unicode.rows()).containsExactly(List.of("C#3", "Berlin"));
    }

    @Test
    void sameRowsWithAndWithoutPushdown()
    {
        for (String sql : List.of(
                "SELECT pk, sk FROM ddb.default.shop WHERE qty > 2 OR city = 'Paris' ORDER BY pk, sk",
                "SELECT pk, sk FROM ddb.default.shop WHERE status <> 'PLACED' ORDER BY pk, sk",
                "SELECT pk, sk FROM ddb.default.shop WHERE status IS NULL ORDER BY pk, sk",
                "SELECT pk, sk FROM ddb.default.shop WHERE amount >= 21.25 AND amount < 32 ORDER BY pk, sk",
                "SELECT pk, sk FROM ddb.default.shop WHERE sk NOT IN ('ORDER#1', 'PROFILE') ORDER BY pk, sk",
                "SELECT pk, sk FROM ddb.default.shop WHERE name LIKE 'O''B%' OR sk LIKE 'ORDER#_' ORDER BY pk, sk",
                "SELECT pk, sk FROM ddb.default.shop WHERE sk LIKE 'ORD%' AND name IS NULL ORDER BY pk, sk")) {
            QueryResult pushed = engine.execute(sql);
            QueryResult local = withoutPushdown.execute(sql);
            assertThat(pushed.rows()).as(sql).isEqualTo(local.rows()).isNotEmpty();
            assertThat(pushed.sources().get(0).rowsReturned()).as(sql).isLessThanOrEqualTo(local.sources().get(0).rowsReturned());
            assertThat(pushed(local)).containsExactly("");
        }
    }

    @Test
    void unknownTableIsAValidationErrorNamingIt()
    {
        assertThatThrownBy(() -> engine.execute("SELECT * FROM ddb.default.nope"))
                .isInstanceOf(QueryFailure.class)
                .satisfies(e -> assertThat(((QueryFailure) e).userError()).isTrue())
                .hasMessageContaining("Table 'ddb.default.nope' does not exist");
    }

    @Test
    void explainShowsTrinosPlanWithWhatGoesToTheConnector()
    {
        String plan = engine.explain("SELECT sk FROM ddb.default.shop WHERE pk = 'C#1' AND upper(sk) = 'X'");
        assertThat(plan).contains("ScanFilterProject[table = ddb:default.shop columns=[pk, sk] constraint=[pk ")
                .contains("{[C#1]}")
                .contains("upper(sk) = varchar 'X'")
                .contains("- ddb.default.shop: 1 split; pushed: pk = 'C#1'")
                .containsPattern("split 1: .*ddb.kind=QUERY");
    }

    @Test
    void explainPlansTheSplitsButReadsNoRecords()
    {
        String plan = engine.explain("SELECT count(*) FROM ddb.default.shop");
        QueryResult after = engine.execute("SELECT count(*) FROM ddb.default.shop");
        assertThat(plan).containsPattern("- ddb.default.shop: \\d+ splits?; pushed: \\(nothing\\)")
                .containsPattern("split 1: .*ddb.kind=SCAN .*ddb.segment=0")
                .doesNotContain("more splits");
        // The explain's reads returned no rows: only the query after it counts them.
        assertThat(after.sources().get(0).rowsReturned()).isPositive();
    }

    @Test
    void explainOfAStatementThatIsNotAQueryShowsTrinosPlanOnly()
    {
        assertThat(engine.explain("SHOW TABLES")).doesNotContain("Reads planned by the connector");
    }

    @Test
    void explainListsAWholeTableReadWithoutWhere()
    {
        String plan = engine.explain("SELECT * FROM ddb.default.shop");
        assertThat(plan).contains("TableScan[table = ddb:default.shop columns=[pk, sk, ")
                .doesNotContain("constraint=")
                .doesNotContain("limit=");
    }

    @Test
    void statsNameAColumnReadWithLessPrecisionThanStored()
    {
        QueryResult read = engine.execute("SELECT bignum FROM ddb.default.wide");
        assertThat(read.sources().get(0).lossyColumns()).singleElement().asString()
                .matches("(?i:bignum): DOUBLE, rounded to 17 significant digits.*");
    }

    /** Requests of the statement other than the schema sample's Scans (four, one per sample segment; GetTable runs per statement). */
    private static Map<String, Long> dataRequests(QueryResult r)
    {
        Map<String, Long> requests = new HashMap<>(r.sources().get(0).requests());
        requests.computeIfPresent("Scan", (k, n) -> n - 4 == 0 ? null : n - 4);
        return requests;
    }

    private static List<String> pushed(QueryResult r)
    {
        return r.sources().get(0).pushedPerRead();
    }
}
