package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField.Direction;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which plan shapes send a LIMIT (and its ORDER BY) to the connector, checked on the requests
 * the connector decodes: GetTableLayout, GetSplits and ReadRecords all carry the same
 * constraints, as Athena sends them.
 */
class LimitPushdownTest
{
    private static Dynalite dynalite;
    private static RecordingHandler recorder;
    private static LambdaWire wire;
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
        recorder = new RecordingHandler(new DdbCompositeHandler(Map.of(
                ConnectorConfig.DYNAMODB_ENDPOINT, dynalite.endpoint().toString(),
                ConnectorConfig.REGION, ConnectorConfig.DEFAULT_REGION,
                ConnectorConfig.QUERY_STATUS_CHECK, "false",
                ConnectorConfig.SCHEMA_CACHE_SECONDS, "0")));
        wire = new LambdaWire(recorder);
        AthenaSequence sequence = new AthenaSequence(wire, "ddb");
        engine = new LocalEngine(Map.of("ddb", sequence), EngineOptions.DEFAULTS);
        withoutPushdown = new LocalEngine(Map.of("ddb", sequence), new EngineOptions(false, 2));
    }

    @AfterAll
    static void tearDown()
            throws SQLException
    {
        engine.close();
        withoutPushdown.close();
        wire.close();
        recorder.close();
        dynalite.stop();
    }

    /** Customers C#1..C#3 and four orders each; order 4 has no qty (NULL). */
    private static List<Map<String, AttributeValue>> items()
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int c = 1; c <= 3; c++) {
            items.add(Map.of("PK", s("C#" + c), "SK", s("PROFILE"), "Type", s("Customer"), "City", s(c == 3 ? "Berlin" : "Paris")));
            for (int o = 1; o <= 4; o++) {
                Map<String, AttributeValue> order = new HashMap<>();
                order.put("PK", s("C#" + c));
                order.put("SK", s("ORDER#" + o));
                order.put("Type", s("Order"));
                order.put("Amount", n(c + "" + o + ".25"));
                if (o < 4) {
                    order.put("Qty", n(Integer.toString(o)));
                }
                items.add(order);
            }
        }
        return items;
    }

    @Test
    void plainLimitWithEveryConjunctPushedSendsTheLimitAlone()
            throws SQLException
    {
        QueryResult r = engine.execute("SELECT pk, sk FROM ddb.default.shop WHERE type = 'Order' AND qty >= 2 LIMIT 3");
        assertSent(3, List.of());
        assertThat(r.rows()).hasSize(3);
        assertThat(r.sources().get(0).pushedPerRead()).containsExactly("qty >= 2 AND type = 'Order'");
        assertThat(r.sources().get(0).limitPerRead()).containsExactly(new ScanLimit(3, List.of()));
    }

    @Test
    void selectStarLimitWithoutWhereIsSentToo()
            throws SQLException
    {
        // No projection and no filter: Calcite plans an EnumerableTableScan, which the pushdown reads through the interpreter.
        QueryResult r = engine.execute("SELECT * FROM ddb.default.shop LIMIT 2");
        assertSent(2, List.of());
        assertThat(r.rows()).hasSize(2);
    }

    @Test
    void orderByLimitSendsTheOrderWithTheNullPlacementOfThePlan()
            throws SQLException
    {
        engine.execute("SELECT pk, sk FROM ddb.default.shop WHERE type = 'Order' ORDER BY sk DESC LIMIT 2");
        assertSent(2, List.of(new OrderByField("sk", Direction.DESC_NULLS_LAST)));
        engine.execute("SELECT pk, sk FROM ddb.default.shop ORDER BY qty, pk DESC NULLS LAST LIMIT 4");
        assertSent(4, List.of(new OrderByField("qty", Direction.ASC_NULLS_LAST), new OrderByField("pk", Direction.DESC_NULLS_LAST)));
        engine.execute("SELECT pk, sk FROM ddb.default.shop ORDER BY qty NULLS FIRST, sk ASC LIMIT 4");
        assertSent(4, List.of(new OrderByField("qty", Direction.ASC_NULLS_FIRST), new OrderByField("sk", Direction.ASC_NULLS_LAST)));
    }

    @Test
    void renamedReorderedAndComputedOutputColumnsStillSendTheTableColumn()
            throws SQLException
    {
        engine.execute("SELECT sk AS s, pk AS p FROM ddb.default.shop ORDER BY s DESC LIMIT 2");
        assertSent(2, List.of(new OrderByField("sk", Direction.DESC_NULLS_LAST)));
        engine.execute("SELECT amount, sk FROM ddb.default.shop ORDER BY 2 LIMIT 2");
        assertSent(2, List.of(new OrderByField("sk", Direction.ASC_NULLS_LAST)));
        // A computed column the order does not use keeps the row count: the limit still holds.
        engine.execute("SELECT upper(sk) AS u, pk FROM ddb.default.shop ORDER BY pk LIMIT 2");
        assertSent(2, List.of(new OrderByField("pk", Direction.ASC_NULLS_LAST)));
        engine.execute("SELECT qty * 2 AS q FROM ddb.default.shop WHERE type = 'Order' LIMIT 2");
        assertSent(2, List.of());
    }

    @Test
    void offsetIsAddedToTheFetch()
            throws SQLException
    {
        engine.execute("SELECT pk, sk FROM ddb.default.shop ORDER BY sk LIMIT 3 OFFSET 2");
        assertSent(5, List.of(new OrderByField("sk", Direction.ASC_NULLS_LAST)));
        engine.execute("SELECT pk FROM ddb.default.shop OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY");
        assertSent(3, List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a conjunct the connector cannot check: it would count rows the engine then drops
            "SELECT pk, sk FROM ddb.default.shop WHERE regexp_like(sk, 'ORDER#[12]') LIMIT 2",
            "SELECT pk, sk FROM ddb.default.shop WHERE qty + amount > 3 LIMIT 2",
            "SELECT pk, sk FROM ddb.default.shop WHERE type = 'Order' AND upper(sk) = 'ORDER#1' ORDER BY sk LIMIT 2",
            "SELECT pk, sk FROM ddb.default.shop WHERE qty > 2 OR city = 'Paris' LIMIT 2",
            // the order is not of plain columns: no limit at all, not even without the order
            "SELECT pk, sk FROM ddb.default.shop ORDER BY upper(sk) LIMIT 2",
            "SELECT pk, qty + 1 AS q FROM ddb.default.shop ORDER BY q DESC LIMIT 2",
            // the limit is of rows the read does not return as they are
            "SELECT pk, count(*) FROM ddb.default.shop GROUP BY pk LIMIT 2",
            "SELECT DISTINCT pk FROM ddb.default.shop LIMIT 2",
            "SELECT c.pk, o.sk FROM ddb.default.shop c JOIN ddb.default.shop o ON o.pk = c.pk WHERE c.sk = 'PROFILE' LIMIT 2",
            "SELECT pk, row_number() OVER (ORDER BY sk) AS rn FROM ddb.default.shop LIMIT 2",
            "SELECT pk FROM ddb.default.shop UNION SELECT sk FROM ddb.default.shop LIMIT 2",
            "SELECT pk, sk FROM ddb.default.shop WHERE pk IN (SELECT pk FROM ddb.default.shop WHERE city = 'Berlin') LIMIT 2",
            // no limit: OFFSET alone, ORDER BY alone
            "SELECT pk FROM ddb.default.shop OFFSET 2",
            "SELECT pk, sk FROM ddb.default.shop ORDER BY sk"})
    void notSentWhenTheConnectorCannotKnowWhichRowsAreNeeded(String sql)
            throws SQLException
    {
        QueryResult r = engine.execute(sql);
        assertNothingSent();
        assertThat(r.sources()).allSatisfy(s -> assertThat(s.limitPerRead()).containsOnly(ScanLimit.NONE));
    }

    @Test
    void noPushdownSendsNoLimitEither()
            throws SQLException
    {
        QueryResult r = withoutPushdown.execute("SELECT pk, sk FROM ddb.default.shop ORDER BY sk DESC LIMIT 2");
        assertNothingSent();
        assertThat(r.sources().get(0).limitPerRead()).containsExactly(ScanLimit.NONE);
        assertThat(withoutPushdown.explain("SELECT pk FROM ddb.default.shop LIMIT 2")).contains("limit:       (none)");
        recorder.take();
    }

    @Test
    void explainListsTheLimitAndOrderAndPlansTheSplitsWithThem()
            throws SQLException
    {
        String plan = engine.explain("SELECT pk AS p FROM ddb.default.shop WHERE type = 'Order' ORDER BY sk DESC, qty NULLS FIRST LIMIT 2 OFFSET 1");
        assertThat(plan).contains("constraints: type = 'Order'")
                .contains("limit:       3")
                .contains("order by:    sk desc, qty nulls first")
                .contains("EnumerableLimit(offset=[1], fetch=[2])");
        assertThat(recorder.take()).isNotEmpty().allSatisfy(s -> assertThat(s.limit()).isEqualTo(3));
        assertThat(engine.explain("SELECT pk FROM ddb.default.shop ORDER BY upper(sk) LIMIT 2")).contains("limit:       (none)")
                .doesNotContain("order by:");
        recorder.take();
    }

    /** GetTableLayout, GetSplits and every ReadRecords of the statement carried this limit and order. */
    private static void assertSent(long limit, List<OrderByField> orderBy)
    {
        List<RecordingHandler.Sent> sent = recorder.take();
        assertThat(sent).extracting(RecordingHandler.Sent::request).contains("GetTableLayoutRequest", "GetSplitsRequest", "ReadRecordsRequest");
        assertThat(sent).allSatisfy(s -> {
            assertThat(s.limit()).as(s.request()).isEqualTo(limit);
            assertThat(s.orderBy()).as(s.request()).isEqualTo(orderBy);
        });
    }

    private static void assertNothingSent()
    {
        List<RecordingHandler.Sent> sent = recorder.take();
        assertThat(sent).extracting(RecordingHandler.Sent::request).contains("ReadRecordsRequest");
        assertThat(sent).allSatisfy(s -> {
            assertThat(s.limit()).as(s.request()).isEqualTo(Constraints.DEFAULT_NO_LIMIT);
            assertThat(s.orderBy()).as(s.request()).isEmpty();
        });
    }
}
