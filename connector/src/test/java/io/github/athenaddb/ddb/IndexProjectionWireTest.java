package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.testing.LocalSettings;
import io.github.athenaddb.testing.RecordedRead;
import io.github.athenaddb.testing.RecordingInterceptor.Call;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * KEYS_ONLY and INCLUDE indexes through the wire: a Query on the index, and the items fetched
 * from the table only when the query needs attributes the index does not hold.
 */
class IndexProjectionWireTest
{
    private static final String TABLE = "ThinIndexes";

    private static LambdaWire wire;
    private static AthenaSequence athena;
    private static Schema schema;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        dynalite.client().createTable(table(TABLE, "PK", ScalarAttributeType.S)
                .keySchema(key("PK", KeyType.HASH))
                .attributeDefinitions(attribute("PK", ScalarAttributeType.S), attribute("Status", ScalarAttributeType.S),
                        attribute("Placed", ScalarAttributeType.N))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("ByStatus").keySchema(key("Status", KeyType.HASH), key("Placed", KeyType.RANGE))
                                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build(),
                        GlobalSecondaryIndex.builder().indexName("ByCity").keySchema(key("City", KeyType.HASH))
                                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("Total").build()).build())
                .attributeDefinitions(attribute("PK", ScalarAttributeType.S), attribute("Status", ScalarAttributeType.S),
                        attribute("Placed", ScalarAttributeType.N), attribute("City", ScalarAttributeType.S))
                .build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(Map.of("PK", s("O#" + i), "Status", s(i % 4 == 0 ? "open" : "closed"), "Placed", n(Integer.toString(1000 + i)),
                    "City", s(i % 5 == 0 ? "Oslo" : "Rome"), "Total", n(Integer.toString(i * 3)), "Note", s("n" + i)));
        }
        load(dynalite.client(), TABLE, items);
        wire = LocalSettings.dynamo(dynalite.endpoint()).wire();
        athena = new AthenaSequence(wire);
        schema = AthenaSequence.lowerCased(athena.getTable(TABLE.toLowerCase()).getSchema());
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
    }

    @Test
    void keysOnlyIndexQueryFetchesTheItemsFromTheTable()
    {
        List<Call> calls = new ArrayList<>();
        List<Map<String, Object>> rows = read(Map.of("status", eq("status", "open"), "placed", notNull()), columns("pk", "note", "status", "placed"),
                List.of(), Constraints.DEFAULT_NO_LIMIT, calls);

        assertThat(rows).hasSize(10).allSatisfy(r -> assertThat((String) r.get("note")).startsWith("n"));
        assertThat(calls).extracting(Call::operation).containsExactly("Query", "BatchGetItem");
        assertThat(calls.get(0).indexName()).isEqualTo("ByStatus");
    }

    @Test
    void topNOnAKeysOnlyIndexKeepsTheIndexOrderAfterTheFetch()
    {
        List<Call> calls = new ArrayList<>();
        List<Map<String, Object>> rows = read(Map.of("status", eq("status", "open"), "placed", notNull()), columns("pk", "note", "placed"),
                List.of(new OrderByField("placed", OrderByField.Direction.DESC_NULLS_LAST)), 3, calls);

        assertThat(rows).extracting(r -> r.get("placed")).containsExactly(1036L, 1032L, 1028L);
        assertThat(calls).extracting(Call::operation, Call::limit).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Query", 3), org.assertj.core.groups.Tuple.tuple("BatchGetItem", null));
    }

    @Test
    void includeIndexThatHoldsTheColumnsNeedsNoFetch()
    {
        List<Call> calls = new ArrayList<>();
        List<Map<String, Object>> rows = read(Map.of("city", eq("city", "Oslo")), columns("pk", "city", "total"), List.of(),
                Constraints.DEFAULT_NO_LIMIT, calls);

        assertThat(rows).hasSize(8).extracting(r -> r.get("total")).contains(0L, 15L, 105L);
        assertThat(calls).extracting(Call::operation).containsExactly("Query");
        assertThat(calls.get(0).indexName()).isEqualTo("ByCity");
    }

    private static Schema columns(String... names)
    {
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(schema.findField(name));
        }
        return new Schema(fields, schema.getCustomMetadata());
    }

    private static ValueSet eq(String column, Object value)
    {
        return IndexedTables.in(wire.allocator(), schema.findField(column).getType(), value);
    }

    private static ValueSet notNull()
    {
        return com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet.of(false,
                com.amazonaws.athena.connector.lambda.domain.predicate.Range.all(wire.allocator(), schema.findField("placed").getType()));
    }

    private static List<Map<String, Object>> read(Map<String, ValueSet> summary, Schema request, List<OrderByField> orderBy, long limit,
                                                  List<Call> calls)
    {
        RecordedRead read = RecordedRead.of(athena, "default", TABLE.toLowerCase(), request, new Constraints(summary, List.of(), orderBy, limit,
                Map.of(), null));
        calls.addAll(read.calls());
        return read.rows();
    }
}
