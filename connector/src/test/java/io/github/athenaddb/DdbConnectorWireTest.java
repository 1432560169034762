package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import com.amazonaws.athena.connector.lambda.handlers.SerDeVersion;
import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import com.amazonaws.athena.connector.lambda.request.PingRequest;
import com.amazonaws.athena.connector.lambda.request.PingResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesResponse;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import org.apache.arrow.vector.types.Types;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connector end to end: serialized SDK requests through the Lambda entry, a real dynalite behind. */
class DdbConnectorWireTest
{
    private static final int BIG_ITEMS = 6000;
    private static DynamoDbClient dynamo;
    private static Dynalite dynalite;
    private static LambdaWire wire;
    private static AthenaSequence athena;

    @BeforeAll
    static void setUp()
    {
        dynalite = Dynalite.start();
        dynamo = dynalite.client();
        createCustomers();
        createOrders();
        createBigTable();
        wire = new LambdaWire(new DdbCompositeHandler(config(Map.of())));
        athena = new AthenaSequence(wire);
    }

    private static Map<String, String> config(Map<String, String> extra)
    {
        Map<String, String> config = new HashMap<>(Map.of(
                ConnectorConfig.DYNAMODB_ENDPOINT, dynalite.endpoint().toString(),
                ConnectorConfig.REGION, "us-east-1",
                ConnectorConfig.QUERY_STATUS_CHECK, "false"));
        config.putAll(extra);
        return config;
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
    }

    @Test
    void pingAnswersWithTheSdkCapabilitiesAndSerializationVersion()
    {
        PingResponse ping = wire.call(new PingRequest(AthenaSequence.IDENTITY, "ddb", "query-ping"));
        assertThat(ping.getCatalogName()).isEqualTo("ddb");
        assertThat(ping.getQueryId()).isEqualTo("query-ping");
        assertThat(ping.getSourceType()).isEqualTo("ddb");
        assertThat(ping.getCapabilities()).isEqualTo(24);
        assertThat(ping.getSerDeVersion()).isEqualTo(SerDeVersion.SERDE_VERSION);
    }

    @Test
    void listsTheDefaultSchema()
    {
        ListSchemasResponse response = wire.call(new ListSchemasRequest(AthenaSequence.IDENTITY, "q", "ddb"));
        assertThat(response.getSchemas()).containsExactly("default");
    }

    @Test
    void listsTablesPageByPage()
    {
        List<String> seen = new ArrayList<>();
        String token = null;
        int calls = 0;
        do {
            ListTablesResponse page = wire.call(new ListTablesRequest(AthenaSequence.IDENTITY, "q", "ddb", "default", token, 2));
            assertThat(page.getTables()).hasSizeLessThanOrEqualTo(2);
            page.getTables().forEach(t -> seen.add(t.getTableName()));
            token = page.getNextToken();
            calls++;
        }
        while (token != null && calls < 10);
        assertThat(seen).containsExactly("Customers", "Shop-Orders.v1", "big_events");

        ListTablesResponse all = wire.call(new ListTablesRequest(AthenaSequence.IDENTITY, "q", "ddb", "default", null,
                ListTablesRequest.UNLIMITED_PAGE_SIZE_VALUE));
        assertThat(all.getTables()).extracting(TableName::getTableName).containsExactly("Customers", "Shop-Orders.v1", "big_events");
        assertThat(all.getNextToken()).isNull();
    }

    @Test
    void resolvesLowerCasedTableNameAndPutsKeysFirst()
    {
        GetTableResponse response = athena.getTable("shop-orders.v1");
        assertThat(response.getSchema().getFields()).extracting(Field::getName)
                .containsExactly("PK", "SK", "GSI1PK", "GSI1SK", "OrderDate", "Total");
        Map<String, String> metadata = response.getSchema().getCustomMetadata();
        assertThat(metadata.get("ddb.table")).contains("\"name\":\"Shop-Orders.v1\"", "\"GSI1\"", "\"ByDate\"", "\"GSI\"", "\"LSI\"");
    }

    @Test
    void infersEveryDynamoDbType()
    {
        Map<String, Field> fields = athena.getTable("customers").getSchema().getFields().stream()
                .collect(Collectors.toMap(Field::getName, f -> f));
        assertThat(fields.get("CustomerId").getType()).isEqualTo(Types.MinorType.VARCHAR.getType());
        assertThat(Types.getMinorTypeForArrowType(fields.get("size").getType())).isEqualTo(Types.MinorType.BIGINT);
        assertThat(fields.get("Balance").getType().toString()).isEqualTo("Decimal(38, 9, 128)");
        assertThat(Types.getMinorTypeForArrowType(fields.get("Active").getType())).isEqualTo(Types.MinorType.BIT);
        assertThat(Types.getMinorTypeForArrowType(fields.get("Avatar").getType())).isEqualTo(Types.MinorType.VARBINARY);
        assertThat(Types.getMinorTypeForArrowType(fields.get("Tags").getType())).isEqualTo(Types.MinorType.LIST);
        assertThat(Types.getMinorTypeForArrowType(fields.get("Scores").getChildren().get(0).getType())).isEqualTo(Types.MinorType.BIGINT);
        assertThat(Types.getMinorTypeForArrowType(fields.get("Mixed").getType())).isEqualTo(Types.MinorType.VARCHAR);
        assertThat(Types.getMinorTypeForArrowType(fields.get("Profile").getType())).isEqualTo(Types.MinorType.STRUCT);
        assertThat(Types.getMinorTypeForArrowType(fields.get("Nothing").getType())).isEqualTo(Types.MinorType.VARCHAR);
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsExactRowsWithAwkwardAttributeNames()
    {
        List<Map<String, Object>> rows = athena.scan("customers");
        assertThat(rows).hasSize(2);
        Map<String, Object> c1 = rows.stream().filter(r -> "c1".equals(r.get("customerid"))).findFirst().orElseThrow();
        assertThat(c1.get("status")).isEqualTo("ACTIVE");
        assertThat(c1.get("name")).isEqualTo("Ada");
        assertThat(c1.get("size")).isEqualTo(42L);
        assertThat(c1.get("first-name")).isEqualTo("Ada L.");
        assertThat(c1.get("address.city")).isEqualTo("London");
        assertThat(c1.get("prénom")).isEqualTo("Àda ✓");
        assertThat(c1.get("balance")).isEqualTo(new BigDecimal("12.500000000"));
        assertThat(c1.get("active")).isEqualTo(true);
        assertThat(c1.get("avatar")).isEqualTo(new byte[] {1, 2, 3});
        assertThat(c1.get("nothing")).isNull();
        assertThat((List<Object>) c1.get("tags")).containsExactlyInAnyOrder("a", "b");
        assertThat((List<Object>) c1.get("scores")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(c1.get("mixed")).isEqualTo("[\"x\",1,{\"k\":true}]");
        assertThat(c1.get("profile")).isEqualTo(Map.of(
                "address", Map.of("geo", Map.of("lat", new BigDecimal("51.500000000"), "lng", new BigDecimal("-0.120000000")), "zip", "N1"),
                "level", 3L));
        assertThat(c1.get("history")).isEqualTo(List.of(Map.of("amount", 5L, "sku", "P1"), Map.of("amount", 7L, "sku", "P2")));

        Map<String, Object> c2 = rows.stream().filter(r -> "c2".equals(r.get("customerid"))).findFirst().orElseThrow();
        assertThat(c2.get("status")).isEqualTo("GONE");
        assertThat(c2.get("size")).isNull();
        assertThat(c2.get("profile")).isNull();
        assertThat(c2.get("tags")).isNull();
    }

    @Test
    void readsOnlyTheRequestedColumns()
    {
        var full = AthenaSequence.lowerCased(athena.getTable("customers").getSchema());
        var schema = new org.apache.arrow.vector.types.pojo.Schema(
                List.of(full.findField("status"), full.findField("customerid")), full.getCustomMetadata());
        List<Map<String, Object>> rows = athena.scan("customers", schema, Map.of());
        assertThat(rows).containsExactlyInAnyOrder(
                Map.of("status", "ACTIVE", "customerid", "c1"),
                Map.of("status", "GONE", "customerid", "c2"));
    }

    @Test
    void appliesColumnConstraintsToRows()
    {
        ValueSet onlyGone = SortedRangeSet.of(false, Range.equal(wire.allocator(), Types.MinorType.VARCHAR.getType(), "GONE"));
        List<Map<String, Object>> rows = athena.scan("customers", Map.of("status", onlyGone));
        assertThat(rows).extracting(r -> r.get("customerid")).containsExactly("c2");
    }

    @Test
    void readsEveryItemOfATableLargerThanOneScanPageExactlyOnce()
    {
        // dynalite, like DynamoDB for a table younger than ~6 hours, reports TableSizeBytes 0,
        // so the segment count is set rather than derived from size.
        try (LambdaWire segmented = new LambdaWire(new DdbCompositeHandler(config(Map.of(ConnectorConfig.SCAN_SEGMENTS, "2"))))) {
            AthenaSequence twoSegments = new AthenaSequence(segmented);
            List<Map<String, Object>> rows = twoSegments.scan("big_events");
            assertThat(twoSegments.lastRowsPerSplit()).hasSize(2);
            // Each split returned more than 1 MB of items, the most one Scan page holds: every
            // segment was read across several pages.
            assertThat(twoSegments.lastRowsPerSplit()).allSatisfy(n -> assertThat(n * 500L).isGreaterThan(1024L * 1024));
            assertEveryEventOnce(rows);
        }
    }

    private static void assertEveryEventOnce(List<Map<String, Object>> rows)
    {
        Set<Object> ids = new HashSet<>();
        rows.forEach(r -> assertThat(ids.add(r.get("id"))).as("duplicate %s", r.get("id")).isTrue());
        assertThat(ids).hasSize(BIG_ITEMS);
        assertThat(rows.stream().mapToLong(r -> (Long) r.get("seq")).sum()).isEqualTo((long) BIG_ITEMS * (BIG_ITEMS - 1) / 2);
    }

    @Test
    void hashAndRangeTableWithIndexesReadsAllItems()
    {
        List<Map<String, Object>> rows = athena.scan("shop-orders.v1");
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> r.get("sk")).containsExactlyInAnyOrder("ORDER#1", "ORDER#2", "ORDER#3");
        assertThat(rows).filteredOn(r -> "ORDER#3".equals(r.get("sk"))).extracting(r -> r.get("gsi1pk")).containsExactly((Object) null);
    }

    @Test
    void unknownTableIsAClearErrorWithoutStackTrace()
    {
        assertThatThrownBy(() -> athena.getTable("no_such_table"))
                .isInstanceOf(AthenaConnectorException.class)
                .hasMessage("Table 'no_such_table' not found: no DynamoDB table has that name (compared ignoring case)")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void unknownSchemaIsAClearError()
    {
        assertThatThrownBy(() -> wire.call(new com.amazonaws.athena.connector.lambda.metadata.GetTableRequest(
                AthenaSequence.IDENTITY, "q", "ddb", new TableName("sales", "customers"), Map.of())))
                .isInstanceOf(AthenaConnectorException.class)
                .hasMessageContaining("Schema 'sales' not found");
    }

    private static void createCustomers()
    {
        dynamo.createTable(table("Customers", "CustomerId", ScalarAttributeType.S).build());
        Map<String, AttributeValue> c1 = new HashMap<>();
        c1.put("CustomerId", s("c1"));
        c1.put("status", s("ACTIVE"));
        c1.put("name", s("Ada"));
        c1.put("size", n("42"));
        c1.put("first-name", s("Ada L."));
        c1.put("address.city", s("London"));
        c1.put("prénom", s("Àda ✓"));
        c1.put("Balance", n("12.5"));
        c1.put("Active", AttributeValue.fromBool(true));
        c1.put("Avatar", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})));
        c1.put("Nothing", AttributeValue.fromNul(true));
        c1.put("Tags", AttributeValue.fromSs(List.of("a", "b")));
        c1.put("Scores", AttributeValue.fromNs(List.of("1", "2")));
        c1.put("Mixed", l(s("x"), n("1"), m(Map.of("k", AttributeValue.fromBool(true)))));
        c1.put("Profile", m(Map.of(
                "Address", m(Map.of("Geo", m(Map.of("Lat", n("51.5"), "Lng", n("-0.12"))), "Zip", s("N1"))),
                "Level", n("3"))));
        c1.put("History", l(m(Map.of("sku", s("P1"), "amount", n("5"))), m(Map.of("sku", s("P2"), "amount", n("7")))));
        Map<String, AttributeValue> c2 = Map.of("CustomerId", s("c2"), "status", s("GONE"), "Balance", n("0.25"));
        load(dynamo, "Customers", List.of(c1, c2));
    }

    private static void createOrders()
    {
        dynamo.createTable(table("Shop-Orders.v1", "PK", ScalarAttributeType.S)
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                .attributeDefinitions(attribute("PK", ScalarAttributeType.S), attribute("SK", ScalarAttributeType.S),
                        attribute("GSI1PK", ScalarAttributeType.S), attribute("GSI1SK", ScalarAttributeType.S),
                        attribute("OrderDate", ScalarAttributeType.S))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("GSI1")
                        .keySchema(key("GSI1PK", KeyType.HASH), key("GSI1SK", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("ByDate")
                        .keySchema(key("PK", KeyType.HASH), key("OrderDate", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .build());
        load(dynamo, "Shop-Orders.v1", List.of(
                Map.of("PK", s("CUSTOMER#c1"), "SK", s("ORDER#1"), "GSI1PK", s("ORDER#1"), "GSI1SK", s("ORDER#1"),
                        "OrderDate", s("2026-10-01"), "Total", n("10")),
                Map.of("PK", s("CUSTOMER#c1"), "SK", s("ORDER#2"), "GSI1PK", s("ORDER#2"), "GSI1SK", s("ORDER#2"),
                        "OrderDate", s("2026-10-02"), "Total", n("20")),
                Map.of("PK", s("CUSTOMER#c2"), "SK", s("ORDER#3"), "OrderDate", s("2026-10-03"), "Total", n("30"))));
    }

    private static void createBigTable()
    {
        dynamo.createTable(table("big_events", "id", ScalarAttributeType.S).build());
        String padding = "x".repeat(500);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < BIG_ITEMS; i++) {
            items.add(Map.of("id", s("event-" + i), "seq", n(Integer.toString(i)), "payload", s(padding)));
        }
        load(dynamo, "big_events", items);
    }
}
