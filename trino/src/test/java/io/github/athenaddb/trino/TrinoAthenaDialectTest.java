package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.Marker;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import com.amazonaws.athena.connector.lambda.metadata.GetTableRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesRequest;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import io.github.athenaddb.devkit.Dynalite;
import io.trino.Session;
import io.trino.spi.type.SqlVarbinary;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL as written for Athena, through Trino and this connector, over the DynamoDB connector on a
 * single-table e-commerce table in dynalite (customers and orders under PK/SK, a Type attribute,
 * a nested address, lists of tags and of order lines, numbers, dates as ISO strings, attributes
 * named {@code user}, {@code empty} and {@code blob}). Each test asserts the rows and what the
 * source received: the Constraints summary, and that no LIMIT or ORDER BY went to it that it did
 * not declare (the DynamoDB connector declares LIMIT pushdown only, not top-N).
 */
class TrinoAthenaDialectTest
{
    private static final String TABLE = "Shop";
    /** Sort keys of the TEXT partition, in code-point (UTF-8) order, as Athena and DynamoDB order them. */
    private static final List<String> TEXT_KEYS = List.of("a", "z", "\uE000", "\uFFFC", "\uFFFD", "\uD835\uDD38", "\uD83D\uDE00");

    private static FederationQueryRunner trino;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        io.github.athenaddb.devkit.Tables.create(dynalite.client(), table(TABLE, "PK", ScalarAttributeType.S)
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                .attributeDefinitions(attribute("PK", ScalarAttributeType.S), attribute("SK", ScalarAttributeType.S))
                .build());
        load(dynalite.client(), TABLE, items());
        trino = FederationQueryRunner.start("shop").catalog("shop", dynalite, Map.of(), Map.of());
    }

    @AfterAll
    static void tearDown()
    {
        if (trino != null) {
            trino.close();
        }
    }

    @BeforeEach
    void forgetRequests()
    {
        RecordingDdbHandler.clear();
    }

    private static List<Map<String, AttributeValue>> items()
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(customer("ada", "Ada Lovelace", "2024-09-08 00:00:00", "Berlin", "10115", false, new byte[] {1, 2, 3}));
        items.add(customer("grace", "Grace Hopper", "2025-01-15 08:00:00", "Arlington", "22201", true, new byte[] {(byte) 0xff}));
        Map<String, AttributeValue> first = order("ada", "O000001", "2026-09-02 09:39:07", "SHIPPED", "89.50",
                l(s("gift"), s("express")), l(line("P-101", "1", "89.50")));
        first.put("ShippedAt", s("2026-09-05 12:00:00"));
        first.put("Epoch", n("1788341947"));
        first.put("Payload", s("{\"gift\":{\"to\":\"Bob\",\"wrap\":true}}"));
        items.add(first);
        items.add(order("grace", "O000002", "2026-10-11 18:05:00", "PLACED", "537.99", l(s("express")),
                l(line("P-102", "1", "39.99"), line("P-100", "2", "249.00"))));
        for (String sk : TEXT_KEYS) {
            items.add(new HashMap<>(Map.of("PK", s("TEXT"), "SK", s(sk), "Type", s("Text"))));
        }
        return items;
    }

    private static Map<String, AttributeValue> customer(String user, String name, String created, String city, String zip, boolean empty,
            byte[] blob)
    {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s("CUSTOMER#" + user));
        item.put("SK", s("CUSTOMER#" + user));
        item.put("Type", s("Customer"));
        item.put("user", s(user));
        item.put("Name", s(name));
        item.put("CreatedAt", s(created));
        item.put("Address", m(Map.of("City", s(city), "Zip", s(zip))));
        item.put("empty", AttributeValue.fromBool(empty));
        item.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(blob)));
        return item;
    }

    private static Map<String, AttributeValue> order(String user, String orderId, String created, String status, String amount,
            AttributeValue tags, AttributeValue lines)
    {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s("CUSTOMER#" + user));
        item.put("SK", s("#ORDER#" + orderId));
        item.put("Type", s("Order"));
        item.put("user", s(user));
        item.put("OrderId", s(orderId));
        item.put("CreatedAt", s(created));
        item.put("Status", s(status));
        item.put("Amount", n(amount));
        item.put("Tags", tags);
        item.put("Items", lines);
        return item;
    }

    private static AttributeValue line(String product, String quantity, String price)
    {
        return m(Map.of("ProductId", s(product), "Quantity", n(quantity), "Price", n(price)));
    }

    @Test
    void showSchemasTablesDescribeAndInformationSchemaAskOnlyMetadata()
    {
        assertThat(column("SHOW SCHEMAS FROM shop")).contains("default", "information_schema");
        assertThat(column("SHOW TABLES FROM shop.default")).contains("shop");
        Map<String, Object> described = trino.execute("DESCRIBE shop").getMaterializedRows().stream()
                .collect(Collectors.toMap(r -> (String) r.getField(0), r -> r.getField(1), (a, b) -> a, LinkedHashMap::new));
        assertThat(described).containsEntry("pk", "varchar").containsEntry("sk", "varchar").containsEntry("type", "varchar")
                .containsEntry("user", "varchar").containsEntry("empty", "boolean").containsEntry("blob", "varbinary")
                .containsEntry("tags", "array(varchar)").containsEntry("address", "row(\"city\" varchar, \"zip\" varchar)");
        assertThat((String) described.get("items")).startsWith("array(row(");

        Map<String, Object> information = trino.execute("""
                SELECT column_name, data_type FROM shop.information_schema.columns
                WHERE table_schema = 'default' AND table_name = 'shop'""").getMaterializedRows().stream()
                .collect(Collectors.toMap(r -> (String) r.getField(0), r -> r.getField(1)));
        assertThat(information).isEqualTo(described);

        assertThat(trino.requests(ListSchemasRequest.class)).isNotEmpty();
        assertThat(trino.requests(ListTablesRequest.class)).isNotEmpty();
        assertThat(trino.requests(GetTableRequest.class)).isNotEmpty();
        assertThat(trino.requests(ReadRecordsRequest.class)).as("metadata statements read no rows").isEmpty();
    }

    @Test
    void useSetsTheSessionsCatalogAndSchemaForUnqualifiedNames()
    {
        Session none = Session.builder(trino.defaultSession()).setCatalog(Optional.empty()).setSchema(Optional.empty()).build();

        Session used = trino.use(none, "USE shop.default");

        assertThat(used.getCatalog()).hasValue("shop");
        assertThat(used.getSchema()).hasValue("default");
        assertThat(trino.execute(used, "SELECT count(*) FROM shop WHERE pk = 'TEXT'").getOnlyValue()).isEqualTo((long) TEXT_KEYS.size());
    }

    @Test
    void dateFunctionsOnIsoStringsAndEpochNumbers()
    {
        MaterializedRow row = onlyRow("""
                SELECT CAST(date_parse(createdat, '%Y-%m-%d %H:%i:%s') AS varchar),
                       to_unixtime(date_parse(createdat, '%Y-%m-%d %H:%i:%s')),
                       CAST(from_unixtime(epoch) AS varchar),
                       date_diff('day', date_parse(createdat, '%Y-%m-%d %H:%i:%s'), date_parse(shippedat, '%Y-%m-%d %H:%i:%s')),
                       date_diff('hour', date_parse(createdat, '%Y-%m-%d %H:%i:%s'), date_parse(shippedat, '%Y-%m-%d %H:%i:%s')),
                       format_datetime(date_parse(createdat, '%Y-%m-%d %H:%i:%s'), 'yyyy-MM-dd''T''HH:mm'),
                       date_format(date_parse(createdat, '%Y-%m-%d %H:%i:%s'), '%W %d %M %Y')
                FROM shop WHERE pk = 'CUSTOMER#ada' AND sk = '#ORDER#O000001'""");

        assertThat(row.getFields()).containsExactly("2026-09-02 09:39:07.000", 1.788341947E9, "2026-09-02 09:39:07.000 UTC", 3L, 74L,
                "2026-09-02T09:39", "Wednesday 02 September 2026");
        assertKeyLookup("CUSTOMER#ada", "#ORDER#O000001");
    }

    @Test
    void arrayJsonAndConditionalFunctions()
    {
        MaterializedRow row = onlyRow("""
                SELECT element_at(tags, 2), array_join(tags, ','), contains(tags, 'gift'), contains(tags, 'fragile'),
                       element_at(items, 1).productid, cardinality(items),
                       try_cast(status AS integer), try_cast(regexp_extract(orderid, '[0-9]+') AS integer),
                       if(amount > 50, 'big', 'small'), regexp_extract(orderid, '[0-9]+'),
                       json_extract_scalar(payload, '$.gift.to'), json_extract_scalar(payload, '$.gift.wrap'),
                       element_at(tags, 5)
                FROM shop WHERE pk = 'CUSTOMER#ada' AND sk = '#ORDER#O000001'""");

        assertThat(row.getFields()).containsExactly("express", "gift,express", true, false, "P-101", 1L, null, 1, "big", "000001", "Bob",
                "true", null);
        assertKeyLookup("CUSTOMER#ada", "#ORDER#O000001");
    }

    @Test
    void unnamedColumnsAreNamedAsAthenaNamesThem()
    {
        MaterializedResult result = trino.execute("SELECT count(*), sum(amount), upper(type) FROM shop WHERE type = 'Order' GROUP BY upper(type)");

        assertThat(result.getColumnNames()).containsExactly("_col0", "_col1", "_col2");
        MaterializedRow row = result.getMaterializedRows().get(0);
        assertThat(row.getField(0)).isEqualTo(2L);
        assertThat(row.getField(1).toString()).startsWith("627.49");
        assertThat(row.getField(2)).isEqualTo("ORDER");
        assertReads(read -> {
            assertThat(read.getConstraints().getSummary()).containsOnlyKeys("type");
            assertSingleValue(read.getConstraints().getSummary().get("type"), "Order");
            assertNothingElsePushed(read);
        });
    }

    @Test
    void structFieldsByName()
    {
        List<MaterializedRow> rows = trino.execute("""
                SELECT address.city, s.address.zip FROM shop AS s WHERE type = 'Customer' ORDER BY address.city""").getMaterializedRows();

        assertThat(rows).extracting(MaterializedRow::getFields).containsExactly(List.of("Arlington", "22201"), List.of("Berlin", "10115"));
        assertReads(read -> {
            assertThat(read.getSchema().getFields()).extracting(f -> f.getName()).containsExactlyInAnyOrder("address", "type");
            assertNothingElsePushed(read);
        });
    }

    @Test
    void aColumnNamedUserIsTheColumnNotTheSessionUser()
    {
        List<MaterializedRow> rows = trino.execute("SELECT user, current_user FROM shop WHERE type = 'Order' ORDER BY user").getMaterializedRows();

        assertThat(rows).extracting(MaterializedRow::getFields).containsExactly(List.of("ada", "user"), List.of("grace", "user"));
        assertReads(read -> assertThat(read.getSchema().getFields()).extracting(f -> f.getName()).containsExactlyInAnyOrder("user", "type"));
    }

    @Test
    void wordsLikeEmptyAndBlobAreOrdinaryColumnNames()
    {
        List<MaterializedRow> rows = trino.execute("""
                SELECT user, empty, blob FROM shop WHERE empty = false AND blob = X'010203'""").getMaterializedRows();

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.getField(0)).isEqualTo("ada");
            assertThat(row.getField(1)).isEqualTo(false);
            assertThat(((SqlVarbinary) row.getField(2)).getBytes()).containsExactly(1, 2, 3);
        });
        assertReads(read -> {
            assertThat(read.getConstraints().getSummary()).containsOnlyKeys("empty", "blob");
            assertNothingElsePushed(read);
        });
    }

    /**
     * Athena (and DynamoDB) order strings by code point: U+1F600 sorts after U+FFFD, though its
     * UTF-16 surrogates (D83D) sort before it. {@code sk < U&'\FFFD'} keeps a, z, U+E000, U+FFFC.
     */
    @Test
    void stringsCompareSortAndMeasureByCodePoint()
    {
        List<Object> below = column("SELECT sk FROM shop WHERE pk = 'TEXT' AND sk < U&'\\FFFD' ORDER BY sk");
        assertThat(below).containsExactly("a", "z", "\uE000", "\uFFFC");
        assertReads(read -> {
            SortedRangeSet sk = (SortedRangeSet) read.getConstraints().getSummary().get("sk");
            assertThat(sk.getOrderedRanges()).singleElement().satisfies(range -> {
                assertThat(range.getLow().isLowerUnbounded()).isTrue();
                assertThat(range.getHigh().getValue()).hasToString("\uFFFD");
                assertThat(range.getHigh().getBound()).isEqualTo(Marker.Bound.BELOW);
            });
            assertNothingElsePushed(read);
        });

        assertThat(column("SELECT sk FROM shop WHERE pk = 'TEXT' ORDER BY sk")).isEqualTo(List.copyOf(TEXT_KEYS));
        assertThat(column("SELECT length(sk) FROM shop WHERE pk = 'TEXT'")).containsOnly(1L);
    }

    /** U+1D538 and U+1F600 (surrogate pairs) sort above U+FFFD by code point, as in Athena; UTF-16 units put them below. */
    @Test
    void rangeAboveTheBmpKeepsSupplementaryCharacters()
    {
        assertThat(column("SELECT sk FROM shop WHERE pk = 'TEXT' AND sk >= U&'\\FFFD' ORDER BY sk"))
                .containsExactly("\uFFFD", "\uD835\uDD38", "\uD83D\uDE00");
    }

    @Test
    void orderByWithLimitIsNotSentBecauseTheSourceDeclaresNoTopN()
    {
        assertThat(column("SELECT sk FROM shop WHERE pk = 'TEXT' ORDER BY sk DESC LIMIT 2")).containsExactly("\uD83D\uDE00", "\uD835\uDD38");
        assertReads(read -> {
            assertThat(read.getConstraints().getSummary()).containsOnlyKeys("pk");
            assertNothingElsePushed(read);
        });
        RecordingDdbHandler.clear();

        assertThat(column("SELECT pk FROM shop ORDER BY pk LIMIT 1")).containsExactly("CUSTOMER#ada");
        assertReads(read -> {
            assertThat(read.getConstraints().getSummary()).isEmpty();
            assertNothingElsePushed(read);
        });
    }

    /** The defect of the Calcite engine (issue 17): a long IN list became a join and DynamoDB was scanned. */
    @Test
    void longInListsArriveAsOneValueSetEachAndAreReadByKey()
    {
        List<String> users = new ArrayList<>(List.of("CUSTOMER#ada", "CUSTOMER#grace"));
        IntStream.range(0, 28).forEach(i -> users.add("CUSTOMER#nobody" + i));
        String pks = users.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));

        DynamoCalls.start();
        List<Object> orders = column("SELECT orderid FROM shop WHERE pk IN (" + pks + ") AND sk IN ('#ORDER#O000001', '#ORDER#O000002', '#ORDER#O9') "
                + "ORDER BY orderid");
        List<DynamoCalls.Call> calls = DynamoCalls.stop();

        assertThat(orders).containsExactly("O000001", "O000002");
        assertReads(read -> {
            Map<String, ValueSet> summary = read.getConstraints().getSummary();
            assertThat(summary).containsOnlyKeys("pk", "sk");
            assertThat(((SortedRangeSet) summary.get("pk")).getOrderedRanges()).hasSize(30).allMatch(Range::isSingleValue);
            assertThat(((SortedRangeSet) summary.get("sk")).getOrderedRanges()).hasSize(3).allMatch(Range::isSingleValue);
            assertNothingElsePushed(read);
        });
        assertThat(calls).isNotEmpty().extracting(DynamoCalls.Call::operation).containsOnly("BatchGetItem");
    }

    private static MaterializedRow onlyRow(String sql)
    {
        List<MaterializedRow> rows = trino.execute(sql).getMaterializedRows();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<Object> column(String sql)
    {
        return trino.execute(sql).getMaterializedRows().stream().map(r -> r.getField(0)).toList();
    }

    private static void assertReads(Consumer<ReadRecordsRequest> check)
    {
        assertThat(trino.requests(ReadRecordsRequest.class)).isNotEmpty().allSatisfy(check);
    }

    private static void assertKeyLookup(String pk, String sk)
    {
        assertReads(read -> {
            assertThat(read.getConstraints().getSummary()).containsOnlyKeys("pk", "sk");
            assertSingleValue(read.getConstraints().getSummary().get("pk"), pk);
            assertSingleValue(read.getConstraints().getSummary().get("sk"), sk);
            assertNothingElsePushed(read);
        });
    }

    private static void assertSingleValue(ValueSet values, Object expected)
    {
        assertThat(values.isSingleValue()).isTrue();
        assertThat(values.getSingleValue()).hasToString(expected.toString());
        assertThat(values.isNullAllowed()).isFalse();
    }

    /** Neither LIMIT nor ORDER BY, and no expression beyond the summary: Trino evaluates what the source did not declare. */
    private static void assertNothingElsePushed(ReadRecordsRequest read)
    {
        Constraints constraints = read.getConstraints();
        assertThat(constraints.getLimit()).isEqualTo(Constraints.DEFAULT_NO_LIMIT);
        assertThat(constraints.getOrderByClause()).isEmpty();
        assertThat(constraints.getExpression()).isEmpty();
    }
}
