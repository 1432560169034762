package io.github.athenaddb.local;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.QueryResult;
import io.github.athenaddb.local.engine.ScanLimit;
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
import java.util.Optional;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIMIT and ORDER BY ... LIMIT through Trino, the connector's wire and dynalite, sent as Athena
 * sends them: a LIMIT only when the connector declares LIMIT pushdown (it does) and no filter of
 * Trino's sits between it and the read; an ORDER BY with it only when the connector declares top-N
 * pushdown (it does not). The rows are those of {@code --no-pushdown} either way.
 */
class LimitPushdownEndToEndTest
{
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
        // Three Scan segments: a limit the connector applies per split still leaves the engine to cut the rows.
        connector = LocalConnector.forEndpoint(Optional.of(dynalite.endpoint()),
                Map.of(ConnectorConfig.SCHEMA_CACHE_SECONDS, "0", ConnectorConfig.SCAN_SEGMENTS, "3"));
        engine = connector.engine(EngineOptions.DEFAULTS);
        withoutPushdown = connector.engine(new EngineOptions(false, false));
    }

    @AfterAll
    static void tearDown()
            throws SQLException
    {
        engine.close();
        withoutPushdown.close();
        connector.close();
        dynalite.stop();
    }

    /**
     * Customers C#1..C#4, each with a profile and twelve orders. {@code seq} is unique (c * 100 + o),
     * so ordering by it is deterministic; {@code qty} is NULL for every fifth order and repeats otherwise.
     */
    private static List<Map<String, AttributeValue>> items()
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int c = 1; c <= 4; c++) {
            items.add(Map.of("PK", s("C#" + c), "SK", s("PROFILE"), "Type", s("Customer"), "Seq", n(Integer.toString(c * 100))));
            for (int o = 1; o <= 12; o++) {
                Map<String, AttributeValue> order = new HashMap<>();
                order.put("PK", s("C#" + c));
                order.put("SK", s(String.format("ORDER#%02d", o)));
                order.put("Type", s("Order"));
                order.put("Seq", n(Integer.toString(c * 100 + o)));
                order.put("status", s(o % 3 == 0 ? "SHIPPED" : "PLACED"));
                if (o % 5 != 0) {
                    order.put("Qty", n(Integer.toString(o % 4)));
                }
                items.add(order);
            }
        }
        return items;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT pk, sk, seq FROM ddb.default.shop ORDER BY seq DESC LIMIT 5",
            "SELECT pk, sk FROM ddb.default.shop WHERE type = 'Order' ORDER BY pk, sk LIMIT 7",
            "SELECT sk AS s, seq FROM ddb.default.shop WHERE pk = 'C#2' ORDER BY s DESC LIMIT 3",
            "SELECT seq, qty FROM ddb.default.shop WHERE type = 'Order' ORDER BY qty NULLS FIRST, seq LIMIT 6",
            "SELECT seq, qty FROM ddb.default.shop WHERE type = 'Order' ORDER BY qty DESC, seq LIMIT 6",
            "SELECT seq, qty FROM ddb.default.shop ORDER BY qty, seq DESC LIMIT 9",
            "SELECT seq FROM ddb.default.shop WHERE seq BETWEEN 110 AND 340 ORDER BY seq OFFSET 10 LIMIT 5",
            "SELECT * FROM ddb.default.shop ORDER BY seq LIMIT 3",
            "SELECT pk, sk FROM ddb.default.shop WHERE pk IN ('C#1', 'C#3') AND sk >= 'ORDER#05' ORDER BY sk DESC, pk LIMIT 4",
            "SELECT upper(sk) AS u, seq FROM ddb.default.shop WHERE status <> 'PLACED' ORDER BY seq LIMIT 4",
            "SELECT pk, sk, seq FROM ddb.default.shop WHERE pk = 'C#1' AND sk = 'ORDER#01' ORDER BY seq LIMIT 1",
            "SELECT seq FROM ddb.default.shop WHERE sk LIKE 'ORDER#1%' ORDER BY seq OFFSET 2 ROWS FETCH NEXT 1000 ROWS ONLY"})
    void orderByLimitReturnsTheRowsOfNoPushdown(String sql)
            throws SQLException
    {
        QueryResult pushed = engine.execute(sql);
        QueryResult local = withoutPushdown.execute(sql);
        assertThat(pushed.rows()).as(sql).isNotEmpty().isEqualTo(local.rows());
        // Undeclared, so never sent: Trino sorts and cuts.
        assertThat(pushed.sources().get(0).limitPerRead()).as(sql).containsExactly(ScanLimit.NONE);
        assertThat(local.sources().get(0).limitPerRead()).containsExactly(ScanLimit.NONE);
        assertThat(pushed.sources().get(0).rowsReturned()).as(sql).isLessThanOrEqualTo(local.sources().get(0).rowsReturned());
    }

    @Test
    void plainLimitReturnsThatManyDistinctRowsThatSatisfyTheWhere()
            throws SQLException
    {
        String where = "FROM ddb.default.shop WHERE type = 'Order' AND qty >= 2 AND status = 'PLACED'";
        List<List<Object>> matching = withoutPushdown.execute("SELECT pk, sk, qty, status " + where).rows();
        assertThat(matching).hasSizeGreaterThan(5);
        QueryResult r = engine.execute("SELECT pk, sk, qty, status " + where + " LIMIT 5");
        assertThat(r.rows()).hasSize(5).doesNotHaveDuplicates().isSubsetOf(matching);
        // The WHERE is sent, and Trino applies it again above the read: a LIMIT below it would cut before the filter.
        assertThat(r.sources().get(0).limitPerRead()).containsExactly(ScanLimit.NONE);
        assertThat(r.sources().get(0).pushedPerRead()).containsExactly("qty >= 2 AND status = 'PLACED' AND type = 'Order'");
    }

    @Test
    void plainLimitOnOnePartitionWithAnOffset()
            throws SQLException
    {
        QueryResult r = engine.execute("SELECT pk, sk FROM ddb.default.shop WHERE pk = 'C#3' OFFSET 3 LIMIT 4");
        assertThat(r.rows()).hasSize(4).doesNotHaveDuplicates().allSatisfy(row -> assertThat(row.get(0)).isEqualTo("C#3"));
        QueryResult whole = engine.execute("SELECT pk, sk FROM ddb.default.shop OFFSET 3 LIMIT 4");
        assertThat(whole.rows()).hasSize(4).doesNotHaveDuplicates();
        assertThat(whole.sources().get(0).limitPerRead()).containsExactly(new ScanLimit(7, List.of()));
    }

    @Test
    void plainLimitOfAWholeTableAndOfMoreRowsThanThereAre()
            throws SQLException
    {
        assertThat(engine.execute("SELECT * FROM ddb.default.shop LIMIT 10").rows()).hasSize(10).doesNotHaveDuplicates();
        QueryResult all = engine.execute("SELECT pk, sk FROM ddb.default.shop WHERE status = 'SHIPPED' LIMIT 1000");
        assertThat(all.rows()).containsExactlyInAnyOrderElementsOf(
                withoutPushdown.execute("SELECT pk, sk FROM ddb.default.shop WHERE status = 'SHIPPED'").rows());
    }

    @Test
    void limitedBranchesOfAUnionEachSendTheirOwnLimit()
            throws SQLException
    {
        QueryResult r = engine.execute("SELECT * FROM (SELECT sk FROM ddb.default.shop LIMIT 2) "
                + "UNION ALL SELECT * FROM (SELECT sk FROM ddb.default.shop WHERE pk = 'C#2' ORDER BY sk DESC LIMIT 3)");
        assertThat(r.rows()).hasSize(5).contains(List.of("PROFILE"), List.of("ORDER#12"), List.of("ORDER#11"));
        assertThat(r.sources().get(0).limitPerRead()).extracting(ScanLimit::describe).containsExactlyInAnyOrder("limit 2", "");
    }

    @Test
    void aLimitAboveWhatTheConnectorCannotCheckIsNotSentAndTheRowsAreStillRight()
            throws SQLException
    {
        String sql = "SELECT pk, sk FROM ddb.default.shop WHERE regexp_like(sk, '#0[1-3]$') ORDER BY pk, sk LIMIT 4";
        QueryResult r = engine.execute(sql);
        assertThat(r.rows()).containsExactly(
                List.of("C#1", "ORDER#01"), List.of("C#1", "ORDER#02"), List.of("C#1", "ORDER#03"), List.of("C#2", "ORDER#01"));
        assertThat(r.sources().get(0).limitPerRead()).containsExactly(ScanLimit.NONE);
        assertThat(r.rows()).isEqualTo(withoutPushdown.execute(sql).rows());
    }
}
