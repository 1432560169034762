package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.DifferentialTable;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.testing.LocalSettings;
import io.github.athenaddb.testing.RecordedRead;
import io.github.athenaddb.testing.RecordingInterceptor.Call;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
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
 * LIMIT and ORDER BY … LIMIT through the Lambda wire against dynalite, on a table read with four
 * Scan segments: a declared LIMIT is trusted by Athena, so all splits together return at most
 * the limit; a top-N on the sort key reads each partition's first items in order.
 */
class LimitPushdownWireTest
{
    private static final String TABLE = "Limits";
    private static final List<Map<String, AttributeValue>> ITEMS = items();

    private static LambdaWire wire;
    private static AthenaSequence athena;
    private static Schema schema;


    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        DifferentialTable.create(dynalite.client(), TABLE);
        load(dynalite.client(), TABLE, ITEMS);
        wire = LocalSettings.dynamo(dynalite.endpoint()).with(ConnectorConfig.SCAN_SEGMENTS, "4").wire();
        athena = new AthenaSequence(wire);
        schema = AthenaSequence.lowerCased(athena.getTable(TABLE.toLowerCase()).getSchema());
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
    }

    @Test
    void withoutLimitTheScanHasFourSegments()
    {
        RecordedRead read = read(Map.of(), List.of(), Constraints.DEFAULT_NO_LIMIT);

        assertThat(read.splits()).isEqualTo(4);
        assertThat(read.rows()).hasSize(ITEMS.size());
    }

    @Test
    void plainLimitIsOneSplitThatAsksDynamoDbForJustThoseItems()
    {
        RecordedRead read = read(Map.of(), List.of(), 5);

        assertThat(read.splits()).isEqualTo(1);
        assertThat(read.rows()).hasSize(5).doesNotHaveDuplicates();
        assertThat(read.calls()).extracting(Call::operation, Call::limit).containsExactly(tuple("Scan", 5));
    }

    @Test
    void limitWithAFilterStopsAtTheLimitAndSendsAFilterExpression()
    {
        ValueSet open = IndexedTables.in(wire.allocator(), type("status"), "open");

        RecordedRead read = read(Map.of("status", open), List.of(), 7);

        assertThat(read.splits()).isEqualTo(1);
        assertThat(read.rows()).hasSize(7).doesNotHaveDuplicates().allSatisfy(r -> assertThat(r.get("status")).isEqualTo("open"));
        assertThat(read.calls()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.operation()).isEqualTo("Scan");
            assertThat(c.filter()).isEqualTo("attribute_exists(#f0) AND (NOT attribute_type(#f0, :f1) OR #f0 = :f0)");
        });
        // Limit counts items read, not matched: 10 per row wanted, growing, rather than none (a whole 1 MB page).
        assertThat(read.calls().get(0).limit()).isEqualTo(70);
    }

    @Test
    void limitOverSeveralPartitionsIsOneSplitOfQueriesThatStopsAtTheLimit()
    {
        RecordedRead read = read(Map.of("pk", IndexedTables.in(wire.allocator(), type("pk"), "C#1", "C#2", "C#3")), List.of(), 25);

        assertThat(read.splits()).isEqualTo(1);
        assertThat(read.rows()).hasSize(25).doesNotHaveDuplicates();
        // 20 items per partition: the first Query reads 20, the second only the 5 still needed, the third is not sent.
        assertThat(read.calls()).extracting(Call::operation, Call::limit)
                .containsExactly(tuple("Query", 25), tuple("Query", 5));
    }

    @Test
    void limitLargerThanTheTableReturnsEveryRowOnce()
    {
        RecordedRead read = read(Map.of(), List.of(), 1000);

        assertThat(read.splits()).isEqualTo(1);
        assertThat(read.rows()).hasSize(ITEMS.size()).doesNotHaveDuplicates();
    }

    @Test
    void limitZeroReadsNothing()
    {
        RecordedRead read = read(Map.of(), List.of(), 0);

        assertThat(read.rows()).isEmpty();
        assertThat(read.calls()).isEmpty();
    }

    @Test
    void topNOnTheSortKeyDescendingReadsOnlyTheLastItems()
    {
        RecordedRead read = read(Map.of("pk", IndexedTables.in(wire.allocator(), type("pk"), "C#2")),
                List.of(new OrderByField("sk", OrderByField.Direction.DESC_NULLS_LAST)), 3);

        assertThat(read.rows()).extracting(r -> r.get("sk")).containsExactly("O#20", "O#19", "O#18");
        assertThat(read.calls()).extracting(Call::operation, Call::limit, Call::forward)
                .containsExactly(tuple("Query", 3, false));
    }

    @Test
    void topNOverSeveralPartitionsHoldsTheTopNOfEach()
    {
        RecordedRead read = read(Map.of("pk", IndexedTables.in(wire.allocator(), type("pk"), "C#1", "C#3")),
                List.of(new OrderByField("sk", OrderByField.Direction.ASC_NULLS_LAST)), 2);

        // Athena sorts and cuts these (top-N is not declared); each partition's first two are there.
        assertThat(read.splits()).isEqualTo(2);
        assertThat(read.rows()).extracting(r -> r.get("pk") + "/" + r.get("sk"))
                .containsExactlyInAnyOrder("C#1/O#01", "C#1/O#02", "C#3/O#01", "C#3/O#02");
    }

    @Test
    void topNOnANumericIndexSortKeyUsesTheIndexInOrder()
    {
        ValueSet anyRank = SortedRangeSet.of(false, Range.all(wire.allocator(), type("gsi1sk")));
        RecordedRead read = read(Map.of("gsi1pk", IndexedTables.in(wire.allocator(), type("gsi1pk"), "G#1"), "gsi1sk", anyRank),
                List.of(new OrderByField("gsi1sk", OrderByField.Direction.DESC_NULLS_LAST)), 4);

        List<Object> expected = ITEMS.stream().filter(i -> i.containsKey("GSI1SK") && i.get("GSI1PK").s().equals("G#1"))
                .map(i -> (Object) Long.valueOf(i.get("GSI1SK").n())).sorted(Comparator.comparing(v -> -(Long) v)).limit(4).toList();
        assertThat(read.rows()).extracting(r -> r.get("gsi1sk")).containsExactlyElementsOf(expected);
        assertThat(read.calls()).extracting(Call::indexName, Call::forward).containsExactly(tuple("GSI1", false));
    }

    @Test
    void orderByANonKeyColumnReadsEveryMatchingRow()
    {
        RecordedRead read = read(Map.of("pk", IndexedTables.in(wire.allocator(), type("pk"), "C#1")),
                List.of(new OrderByField("total", OrderByField.Direction.DESC_NULLS_LAST)), 3);

        assertThat(read.rows()).hasSize(20);
        assertThat(read.calls()).extracting(Call::limit).containsOnlyNulls();
    }

    @Test
    void hostileFilterValuesOnlyTravelAsPlaceholders()
    {
        String hostile = "x') OR attribute_exists(#p0) -- :f0 #f0\n\u0000é😀";
        ValueSet status = IndexedTables.in(wire.allocator(), type("status"), hostile, "open");

        RecordedRead read = read(Map.of("status", status), List.of(), Constraints.DEFAULT_NO_LIMIT);

        assertThat(read.rows()).hasSize((int) ITEMS.stream().filter(i -> i.get("Status").s().equals("open")
                || i.get("Status").s().equals(hostile)).count());
        assertThat(read.rows()).extracting(r -> r.get("status")).contains(hostile);
        assertThat(read.calls()).isNotEmpty().allSatisfy(c ->
                assertThat(c.filter()).isEqualTo("attribute_exists(#f0) AND (NOT attribute_type(#f0, :f2) OR #f0 IN (:f0, :f1))"));
    }

    private static RecordedRead read(Map<String, ValueSet> summary, List<OrderByField> orderBy, long limit)
    {
        return RecordedRead.of(athena, "default", TABLE.toLowerCase(), schema, new Constraints(summary, List.of(), orderBy, limit, Map.of(), null));
    }

    private static ArrowType type(String column)
    {
        return schema.findField(column).getType();
    }

    /** Three partitions of 20 items (O#01..O#20); every third item "open"; GSI1 on G#(n mod 2) with rank n*7 mod 13 for odd n. */
    private static List<Map<String, AttributeValue>> items()
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            for (int i = 1; i <= 20; i++) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("PK", s("C#" + p));
                item.put("SK", s(String.format("O#%02d", i)));
                item.put("Status", s(i % 3 == 0 ? "open" : "closed"));
                item.put("Total", n(Integer.toString(p * 100 + i)));
                item.put("GSI1PK", s("G#" + (i % 2)));
                if (i % 2 == 1) {
                    item.put("GSI1SK", n(Integer.toString(p * 1000 + (i * 7) % 13)));
                }
                items.add(Map.copyOf(item));
            }
        }
        Map<String, AttributeValue> hostile = new HashMap<>(items.get(0));
        hostile.put("PK", s("C#9"));
        hostile.put("Status", s("x') OR attribute_exists(#p0) -- :f0 #f0\n\u0000é😀"));
        items.add(Map.copyOf(hostile));
        return items;
    }
}
