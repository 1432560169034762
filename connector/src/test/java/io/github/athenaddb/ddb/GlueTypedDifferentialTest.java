package io.github.athenaddb.ddb;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.testing.LocalSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential test of {@link DifferentialPushdownTest} over columns whose read value is not
 * the stored one, declared in Glue: table and index sort keys read as DECIMAL with fewer
 * fractional digits than stored (36.6481 reads as 36.65), an N sort key read as VARCHAR (its text
 * orders differently), TIMESTAMP and DATE parsed from text, an INT over N and numeric S, a DOUBLE.
 * Seed and case count: -Ddifferential.seed, -Ddifferential.cases.
 */
class GlueTypedDifferentialTest
{
    private static final String TABLE = "GlueTyped";
    private static final long SEED = Long.getLong("differential.seed", 20261206L);
    private static final int CASES = Integer.getInteger("differential.cases", 2000);
    private static final List<String> STATUSES = List.of("NEW", "PAID", "SHIPPED", "é");
    private static final List<String> AMOUNTS = List.of("36.6481", "36.65", "36.645", "36.655", "36.7", "36.64", "1", "0.005", "-0.004",
            "-36.645", "12.3456", "99.999", "100", "0.01");
    private static final List<String> SORT_KEYS = List.of("1", "1.04", "1.05", "1.06", "1.15", "1.1", "2.449", "2.45", "-0.75", "-0.05",
            "10", "100.96", "3.1", "3.14159", "0");

    @TempDir
    static Path dir;
    private static LambdaWire wire;
    private static DifferentialHarness harness;

    @BeforeAll
    static void setUp()
            throws IOException
    {
        Dynalite dynalite = Dynalite.shared();
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        dynalite.client().createTable(table(TABLE, "PK", ScalarAttributeType.S)
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                .attributeDefinitions(attribute("PK", ScalarAttributeType.S), attribute("SK", ScalarAttributeType.N),
                        attribute("Status", ScalarAttributeType.S), attribute("Amount", ScalarAttributeType.N),
                        attribute("Code", ScalarAttributeType.N))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByStatus")
                        .keySchema(key("Status", KeyType.HASH), key("Amount", KeyType.RANGE)).projection(all).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("ByCode")
                        .keySchema(key("PK", KeyType.HASH), key("Code", KeyType.RANGE)).projection(all).build())
                .build());
        load(dynalite.client(), TABLE, items(new Random(SEED), 300));
        Path definitions = Files.writeString(dir.resolve("tables.json"), """
                {"Databases": [{"Name": "typed", "Tables": [{"Name": "gluetyped", "Parameters": {"sourceTable": "GlueTyped"},
                  "StorageDescriptor": {"Columns": [
                    {"Name": "pk", "Type": "string"}, {"Name": "sk", "Type": "decimal(10,1)"},
                    {"Name": "status", "Type": "string"}, {"Name": "amount", "Type": "decimal(10,2)"},
                    {"Name": "code", "Type": "string"}, {"Name": "created", "Type": "timestamp"},
                    {"Name": "day", "Type": "date"}, {"Name": "qty", "Type": "int"}, {"Name": "price", "Type": "double"}]}}]}]}
                """);
        wire = LocalSettings.dynamo(dynalite.endpoint()).with(GlueConfig.GLUE_DEFINITIONS_FILE, definitions.toString())
                .with(ConnectorConfig.MAX_KEY_LOOKUPS, "6").with(ConnectorConfig.SCAN_SEGMENTS, "2").wire();
        harness = new DifferentialHarness(new AthenaSequence(wire), "typed", "gluetyped", weights(), List.of("pk", "status"),
                List.of("sk", "sk", "amount", "amount", "code", "code", "qty", "pk"));
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
    }

    @Test
    void pushdownOnGlueTypedColumnsReturnsExactlyTheRowsAFilteredFullReadReturns()
    {
        assertThat(harness.allRows()).hasSize(300);
        DifferentialHarness.Result result = harness.run(SEED, CASES, List.of("", "zz", "NEW ", "36.65", "10"));
        System.out.println(result.summary("GlueTypedDifferentialTest", SEED, CASES));
        result.failures().stream().limit(20).forEach(System.out::println);
        assertThat(result.failures()).as("cases whose rows differ with pushdown (seed %d)", SEED).isEmpty();
        assertThat(result.nonEmpty()).as("cases that select at least one row").isGreaterThan(CASES / 5);
        assertThat(result.kinds()).containsKeys("no limit", "limit", "top-n");
        assertThat(result.paths()).as("the typed keys still lead to Queries").containsKeys("Query", "Query ByStatus",
                "Query with sort condition", "Scan", "(with FilterExpression)");
    }

    private static Map<String, Double> weights()
    {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("pk", 0.5);
        weights.put("sk", 0.35);
        weights.put("status", 0.45);
        weights.put("amount", 0.45);
        weights.put("code", 0.25);
        weights.put("created", 0.15);
        weights.put("day", 0.15);
        weights.put("qty", 0.2);
        weights.put("price", 0.15);
        return weights;
    }

    private static List<Map<String, AttributeValue>> items(Random random, int count)
    {
        Set<String> keys = new HashSet<>();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        while (items.size() < count) {
            String pk = "p" + random.nextInt(30);
            String sk = pick(random, SORT_KEYS);
            if (!keys.add(pk + "/" + sk)) {
                continue;
            }
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("PK", AttributeValue.fromS(pk));
            item.put("SK", AttributeValue.fromN(sk));
            maybe(random, 0.7, item, "Status", AttributeValue.fromS(pick(random, STATUSES)));
            maybe(random, 0.65, item, "Amount", AttributeValue.fromN(pick(random, AMOUNTS)));
            maybe(random, 0.5, item, "Code", AttributeValue.fromN(pick(random, List.of("2", "10", "9", "100", "-1", "2.5", "33"))));
            maybe(random, 0.6, item, "Created", AttributeValue.fromS(pick(random, List.of("2026-01-05T10:00:00Z",
                    "2026-01-05T12:00:00+02:00", "2026-01-05 09:00:00", "2025-12-31T23:59:59.999Z", "2026-02-01T00:00:00"))));
            maybe(random, 0.5, item, "Day", AttributeValue.fromS(pick(random, List.of("2026-01-05", "2025-12-31", "2026-02-28"))));
            double qty = random.nextDouble();
            if (qty < 0.4) {
                item.put("Qty", AttributeValue.fromN(pick(random, List.of("7", "42", "0", "-3"))));
            }
            else if (qty < 0.6) {
                item.put("Qty", AttributeValue.fromS(pick(random, List.of("42", "7", "x", "07"))));
            }
            maybe(random, 0.5, item, "Price", AttributeValue.fromN(pick(random, List.of("0.1", "0.3", "0.30000000000000004", "100", "36.65"))));
            items.add(Map.copyOf(item));
        }
        return items;
    }

    private static void maybe(Random random, double chance, Map<String, AttributeValue> item, String name, AttributeValue value)
    {
        if (random.nextDouble() < chance) {
            item.put(name, value);
        }
    }

    private static String pick(Random random, List<String> values)
    {
        return values.get(random.nextInt(values.size()));
    }
}
