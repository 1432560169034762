package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.testing.LocalSettings;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Keys whose Glue type reads them differently from how they are stored: the rows of a query on
 * them are those of its read values, whatever access path the planner takes.
 */
class GlueTypedKeysWireTest
{
    private static final String TABLE = "TypedKeys";
    private static final ArrowType DECIMAL_2 = new ArrowType.Decimal(10, 2, 128);
    @TempDir
    static Path dir;
    private static LambdaWire wire;
    private static AthenaSequence athena;
    private static Schema schema;

    @BeforeAll
    static void setUp()
            throws IOException
    {
        Dynalite dynalite = Dynalite.shared();
        dynalite.client().createTable(table(TABLE, "Id", ScalarAttributeType.S)
                .keySchema(key("Id", KeyType.HASH), key("Seq", KeyType.RANGE))
                .attributeDefinitions(attribute("Id", ScalarAttributeType.S), attribute("Seq", ScalarAttributeType.N),
                        attribute("Status", ScalarAttributeType.S), attribute("Amount", ScalarAttributeType.N))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByStatus")
                        .keySchema(key("Status", KeyType.HASH), key("Amount", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .build());
        load(dynalite.client(), TABLE, List.of(
                Map.of("Id", s("a"), "Seq", n("2"), "Status", s("NEW"), "Amount", n("36.6481")),
                Map.of("Id", s("a"), "Seq", n("10"), "Status", s("NEW"), "Amount", n("36.7")),
                Map.of("Id", s("a"), "Seq", n("9"), "Status", s("NEW"), "Amount", n("40"))));
        Path definitions = Files.writeString(dir.resolve("tables.json"), """
                {"Databases": [{"Name": "typed", "Tables": [{"Name": "typedkeys", "Parameters": {"sourceTable": "TypedKeys"},
                  "StorageDescriptor": {"Columns": [{"Name": "id", "Type": "string"}, {"Name": "seq", "Type": "string"},
                    {"Name": "status", "Type": "string"}, {"Name": "amount", "Type": "decimal(10,2)"}]}}]}]}
                """);
        wire = LocalSettings.dynamo(dynalite.endpoint()).with(GlueConfig.GLUE_DEFINITIONS_FILE, definitions.toString()).wire();
        athena = new AthenaSequence(wire);
        schema = AthenaSequence.lowerCased(athena.getTable("typed", "typedkeys").getSchema());
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
    }

    @Test
    void anIndexSortKeyDeclaredWithFewerDigitsFindsTheItemsThatRoundToTheValue()
    {
        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
            ValueSet status = IndexedTables.in(allocator, ArrowType.Utf8.INSTANCE, "NEW");
            // WHERE status = 'NEW' AND amount = 36.65: stored 36.6481 reads as 36.65.
            assertThat(read(Map.of("status", status, "amount", IndexedTables.in(allocator, DECIMAL_2, new BigDecimal("36.65"))), List.of(), -1))
                    .extracting(r -> r.get("seq")).containsExactly("2");
            // BETWEEN 36.65 AND 36.70: both.
            ValueSet between = SortedRangeSet.of(false, Range.range(allocator, DECIMAL_2, new BigDecimal("36.65"), true, new BigDecimal("36.70"), true));
            assertThat(read(Map.of("status", status, "amount", between), List.of(), -1))
                    .extracting(r -> r.get("seq")).containsExactlyInAnyOrder("2", "10");
        }
    }

    @Test
    void aNumericSortKeyReadAsTextIsNotCutInKeyOrder()
    {
        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
            // ORDER BY seq LIMIT 1, seq a varchar over N: '10' sorts first as text, but 2 comes first as a number.
            List<Map<String, Object>> rows = read(Map.of("id", IndexedTables.in(allocator, ArrowType.Utf8.INSTANCE, "a")),
                    List.of(new OrderByField("seq", OrderByField.Direction.ASC_NULLS_LAST)), 1);
            assertThat(rows).extracting(r -> r.get("seq")).contains("10");
        }
    }

    private static List<Map<String, Object>> read(Map<String, ValueSet> summary, List<OrderByField> orderBy, long limit)
    {
        Constraints constraints = new Constraints(summary, List.of(), orderBy, limit, Map.of(), null);
        List<Map<String, Object>> rows = new ArrayList<>();
        athena.read("typed", "typedkeys", schema, constraints, 1, block -> rows.addAll(AthenaSequence.rows(block)));
        return rows;
    }
}
