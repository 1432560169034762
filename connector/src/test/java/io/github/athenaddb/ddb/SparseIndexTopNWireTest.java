package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.DifferentialTable;
import io.github.athenaddb.devkit.DynamoJson;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.testing.CapacityMeter;
import io.github.athenaddb.testing.LocalSettings;
import io.github.athenaddb.testing.RecordedRead;
import io.github.athenaddb.testing.RecordingInterceptor.Call;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A top-N on a sparse index's sort key, sent with its ORDER BY and LIMIT (as by an engine that
 * takes top-N pushdown), through the wire against dynalite: the index's first N items when it holds
 * N, else those and the items without the sort key from the table, NULLS FIRST those first.
 */
class SparseIndexTopNWireTest
{
    /** The e-commerce sample's first 4,716 items, as in bench's fresh-queries (issue 20's figures). */
    private static final String SHOP = "SparseTopNShop";
    private static final int SHOP_ITEMS = 4_716;
    private static final String TABLE = "SparseTopN";

    private static LambdaWire wire;
    private static AthenaSequence athena;
    private static List<Map<String, AttributeValue>> shopItems;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        Path examples = Path.of("..", "examples", "ecommerce");
        shopItems = DynamoJson.readItems(examples.resolve("items.jsonl")).subList(0, SHOP_ITEMS);
        Tables.create(dynalite.client(), DynamoJson.createTable(examples.resolve("table.json")).toBuilder().tableName(SHOP).build());
        load(dynalite.client(), SHOP, shopItems);
        DifferentialTable.create(dynalite.client(), TABLE);
        load(dynalite.client(), TABLE, items());
        wire = LocalSettings.dynamo(dynalite.endpoint()).wire();
        athena = new AthenaSequence(wire);
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
    }

    @Test
    void theFiveBiggestSpendersAreTheIndexsFirstFiveItems()
    {
        Schema schema = schema(SHOP);
        Map<String, ValueSet> customers = Map.of("gsi1pk", IndexedTables.in(wire.allocator(), schema.findField("gsi1pk").getType(), "CUSTOMER"));

        CapacityMeter.watch(SHOP);
        RecordedRead topN = read(SHOP, schema, customers, List.of(new OrderByField("gsi1sk", OrderByField.Direction.DESC_NULLS_LAST)), 5);
        double topNUnits = units(SHOP);
        CapacityMeter.watch(SHOP);
        RecordedRead everyCustomer = read(SHOP, schema, customers, List.of(), Constraints.DEFAULT_NO_LIMIT);
        double scanUnits = units(SHOP);

        List<String> expected = shopItems.stream().filter(i -> i.containsKey("GSI1PK") && i.get("GSI1PK").s().equals("CUSTOMER"))
                .sorted(Comparator.comparing((Map<String, AttributeValue> i) -> new BigDecimal(i.get("GSI1SK").n())).reversed())
                .limit(5).map(i -> i.get("Username").s()).toList();
        assertThat(topN.rows()).extracting(r -> r.get("username")).containsExactlyElementsOf(expected);
        assertThat(topN.calls()).extracting(Call::operation, Call::indexName, Call::limit, Call::forward)
                .containsExactly(tuple("Query", "GSI1", 5, false));
        System.out.printf("SparseIndexTopNWireTest: ORDER BY gsi1sk DESC LIMIT 5 took %.1f RCU; the Scan the planner chose before, %.1f RCU%n",
                topNUnits, scanUnits);
        assertThat(topNUnits).isEqualTo(0.5);
        assertThat(everyCustomer.calls()).extracting(Call::operation).containsOnly("Scan");
        // 81.5 RCU against dynalite (issue 20 measured 62.5 for its Scan): the whole table, for five rows.
        assertThat(scanUnits).isGreaterThan(60);
    }

    @Test
    void fewerThanNInTheIndexAreCompletedByTheItemsWithoutTheSortKey()
    {
        Schema schema = schema(TABLE);
        RecordedRead read = read(TABLE, schema, Map.of("gsi1pk", IndexedTables.in(wire.allocator(), schema.findField("gsi1pk").getType(), "X")),
                List.of(new OrderByField("gsi1sk", OrderByField.Direction.DESC_NULLS_LAST)), 5);

        // Athena sorts and cuts: the three ranked rows, then any two of the four without a rank.
        assertThat(read.rows()).extracting(r -> r.get("gsi1sk")).containsExactly(3L, 2L, 1L, null, null);
        assertThat(read.rows()).extracting(r -> r.get("sk")).doesNotHaveDuplicates().allSatisfy(sk -> assertThat((String) sk).startsWith("X"));
        assertThat(read.calls()).extracting(Call::operation, Call::indexName, Call::limit, Call::forward, Call::filter).containsExactly(
                tuple("Query", "GSI1", 5, false, null),
                tuple("Scan", null, 20, null, "attribute_not_exists(#f0) AND attribute_exists(#f1) AND (NOT attribute_type(#f1, :f1) OR #f1 = :f0)"));
    }

    @Test
    void nOrMoreInTheIndexesQueriesTogetherNeedNoCompletion()
    {
        Schema schema = schema(TABLE);
        RecordedRead read = read(TABLE, schema, Map.of("gsi1pk", IndexedTables.in(wire.allocator(), schema.findField("gsi1pk").getType(), "X", "Y")),
                List.of(new OrderByField("gsi1sk", OrderByField.Direction.DESC_NULLS_LAST)), 5);

        // Each Query's first five: X's three and Y's five; Athena keeps 60, 50, 40, 30, 20.
        assertThat(read.splits()).isEqualTo(1);
        assertThat(read.rows()).extracting(r -> r.get("gsi1sk")).containsExactlyInAnyOrder(3L, 2L, 1L, 60L, 50L, 40L, 30L, 20L);
        assertThat(read.calls()).extracting(Call::operation, Call::indexName, Call::limit).containsExactly(
                tuple("Query", "GSI1", 5), tuple("Query", "GSI1", 5));
    }

    @Test
    void nullsFirstReadsTheItemsWithoutTheLsiSortKeyFirstFromTheTablePartition()
    {
        Schema schema = schema(TABLE);
        RecordedRead read = read(TABLE, schema, Map.of("pk", IndexedTables.in(wire.allocator(), schema.findField("pk").getType(), "P")),
                List.of(new OrderByField("lsisk", OrderByField.Direction.ASC_NULLS_FIRST)), 3);

        assertThat(read.rows()).extracting(r -> r.get("lsisk")).containsExactly(null, null, "a");
        assertThat(read.calls()).extracting(Call::operation, Call::indexName, Call::limit, Call::forward, Call::filter).containsExactly(
                tuple("Query", null, 30, true, "attribute_not_exists(#f0)"),
                tuple("Query", "ByLsi", 1, true, null));
    }

    private static RecordedRead read(String table, Schema schema, Map<String, ValueSet> summary, List<OrderByField> orderBy, long limit)
    {
        return RecordedRead.of(athena, "default", table.toLowerCase(), schema, new Constraints(summary, List.of(), orderBy, limit, Map.of(), null));
    }

    private static Schema schema(String table)
    {
        return AthenaSequence.lowerCased(athena.getTable(table.toLowerCase()).getSchema());
    }

    private static double units(String table)
    {
        return CapacityMeter.responses(table).stream().mapToDouble(CapacityMeter.Response::units).sum();
    }

    /**
     * GSI1 partition X (gsi1sk reads as bigint here): ranks 1, 2, 3 and four items without a rank; Y: ranks 10 to 60. Partition P
     * of the table: LsiSk a, b, c and two items without one.
     */
    private static List<Map<String, AttributeValue>> items()
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            Map<String, AttributeValue> item = new HashMap<>(Map.of("PK", s("G"), "SK", s("X" + i), "GSI1PK", s("X")));
            if (i <= 3) {
                item.put("GSI1SK", n(Integer.toString(i)));
            }
            items.add(item);
        }
        for (int i = 1; i <= 6; i++) {
            items.add(Map.of("PK", s("G"), "SK", s("Y" + i), "GSI1PK", s("Y"), "GSI1SK", n(Integer.toString(i * 10))));
        }
        for (String sk : Arrays.asList("1", "2", "3", "4", "5")) {
            Map<String, AttributeValue> item = new HashMap<>(Map.of("PK", s("P"), "SK", s(sk)));
            if (sk.compareTo("3") <= 0) {
                item.put("LsiSk", s(String.valueOf((char) ('a' + sk.charAt(0) - '1'))));
            }
            items.add(item);
        }
        return items;
    }
}
