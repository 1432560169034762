package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import io.github.athenaddb.ddb.LimitCheck.Cut;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.testing.RecordingInterceptor;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static io.github.athenaddb.devkit.Tables.load;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pushdown never changes the rows: for thousands of random constraint sets, the rows the
 * connector returns with the constraints (GetItem, BatchGetItem, Query on the table or an index,
 * or Scan, as the planner chooses) equal, as a multiset, a full read without constraints filtered
 * in memory by the same ValueSets. A third of the cases add a LIMIT, half of those an ORDER BY
 * ({@link LimitCheck} says what is right then). Seed and case count: -Ddifferential.seed,
 * -Ddifferential.cases.
 */
class DifferentialPushdownTest
{
    private static final String TABLE = "Differential";
    private static final long SEED = Long.getLong("differential.seed", 20260417L);
    private static final int CASES = Integer.getInteger("differential.cases", 2000);
    private static final Map<String, Double> WEIGHTS = weights();

    private static LambdaWire wire;
    private static AthenaSequence athena;
    private static Schema schema;
    private static List<Map<String, Object>> allRows;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        IndexedTables.create(dynalite.client(), TABLE);
        load(dynalite.client(), TABLE, DifferentialItems.generate(new Random(SEED), 300));
        Map<String, String> config = new HashMap<>(IndexedTables.config(dynalite));
        // A small key budget so that long IN lists fall back, and two Scan segments.
        config.put(ConnectorConfig.MAX_KEY_LOOKUPS, "6");
        config.put(ConnectorConfig.SCAN_SEGMENTS, "2");
        wire = new LambdaWire(new DdbCompositeHandler(config));
        athena = new AthenaSequence(wire);
        schema = AthenaSequence.lowerCased(athena.getTable(TABLE.toLowerCase()).getSchema());
        allRows = read(Map.of());
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
    }

    @Test
    void pushdownReturnsExactlyTheRowsAFilteredFullReadReturns()
    {
        assertThat(allRows).hasSize(300);
        RandomConstraints generator = new RandomConstraints(new Random(SEED), schema, existingValues(), DifferentialItems.ABSENT_TEXT);
        List<String> failures = new ArrayList<>();
        int nonEmpty = 0;
        Map<String, Integer> paths = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        Random limits = new Random(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
                RandomConstraints.Case c = generator.next(allocator, WEIGHTS, List.of("pk", "gsi1pk"));
                Cut cut = cut(limits);
                String problem;
                try {
                    List<Map<String, Object>> expected = filter(c.summary());
                    nonEmpty += expected.isEmpty() ? 0 : 1;
                    RecordingInterceptor.start();
                    List<Map<String, Object>> actual;
                    try {
                        actual = read(c.summary(), cut);
                    }
                    finally {
                        RecordingInterceptor.stop().forEach(call -> {
                            paths.merge(path(call), 1, Integer::sum);
                            if (call.limit() != null) {
                                paths.merge("(with Limit)", 1, Integer::sum);
                            }
                            if (Boolean.FALSE.equals(call.forward())) {
                                paths.merge("(backward)", 1, Integer::sum);
                            }
                            if (call.filter() != null) {
                                paths.merge("(with FilterExpression)", 1, Integer::sum);
                            }
                        });
                    }
                    problem = cut.limit() == Constraints.DEFAULT_NO_LIMIT ? difference(expected, actual) : LimitCheck.problem(expected, actual, cut);
                    kinds.merge(cut.kind(), 1, Integer::sum);
                }
                catch (RuntimeException e) {
                    problem = "failed: " + e;
                }
                if (problem != null) {
                    failures.add("seed " + SEED + ", case " + i + ": " + c.text() + " " + cut + "\n    " + problem);
                }
            }
        }
        System.out.printf("DifferentialPushdownTest: seed %d, %d cases run (%d selecting rows; %s), %d failed; requests %s%n",
                SEED, CASES, nonEmpty, kinds, failures.size(), paths);
        failures.stream().limit(20).forEach(System.out::println);
        assertThat(failures).as("cases whose rows differ with pushdown (seed %d)", SEED).isEmpty();
        assertThat(nonEmpty).as("cases that select at least one row").isGreaterThan(CASES / 4);
        assertThat(kinds).as("LIMIT and top-N cases are run").containsKeys("no limit", "limit", "top-n");
        assertThat(paths).as("every access path is exercised").containsKeys("GetItem", "BatchGetItem", "Query", "Query GSI1",
                "Query ByLsi", "Query with sort condition", "Scan", "(with Limit)", "(backward)", "(with FilterExpression)");
    }

    /** The access path of a request: operation, index, and whether a Query had a sort-key condition. */
    private static String path(RecordingInterceptor.Call call)
    {
        if (!call.operation().equals("Query")) {
            return call.operation();
        }
        return call.indexName() != null ? "Query " + call.indexName()
                : call.keyCondition().contains("#k1") ? "Query with sort condition" : "Query";
    }

    /** About a third of the cases get a LIMIT, half of those with an ORDER BY on a key or non-key column. */
    private static Cut cut(Random random)
    {
        if (random.nextDouble() >= 0.35) {
            return Cut.NONE;
        }
        long limit = random.nextInt(16);
        if (random.nextBoolean()) {
            return new Cut(limit, List.of());
        }
        String column = List.of("sk", "sk", "gsi1sk", "gsi1sk", "lsisk", "qty", "pk").get(random.nextInt(7));
        OrderByField.Direction direction = OrderByField.Direction.values()[random.nextInt(4)];
        return new Cut(limit, List.of(new OrderByField(column, direction)));
    }

    private static List<Map<String, Object>> read(Map<String, ValueSet> summary)
    {
        return read(summary, Cut.NONE);
    }

    private static List<Map<String, Object>> read(Map<String, ValueSet> summary, Cut cut)
    {
        Constraints constraints = new Constraints(summary, List.of(), cut.orderBy(), cut.limit(), Map.of(), null);
        List<Map<String, Object>> rows = new ArrayList<>();
        athena.read("default", TABLE.toLowerCase(), schema, constraints, 4, block -> rows.addAll(AthenaSequence.rows(block)));
        return rows;
    }

    private static List<Map<String, Object>> filter(Map<String, ValueSet> summary)
    {
        return allRows.stream()
                .filter(row -> summary.entrySet().stream().allMatch(e -> e.getValue().containsValue(row.get(e.getKey()))))
                .toList();
    }

    /** Null when the two lists hold the same rows as many times each; else what is missing and what is extra. */
    private static String difference(List<Map<String, Object>> expected, List<Map<String, Object>> actual)
    {
        Map<Map<String, Object>, Integer> counts = new HashMap<>();
        expected.forEach(r -> counts.merge(r, 1, Integer::sum));
        actual.forEach(r -> counts.merge(r, -1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        counts.forEach((row, n) -> {
            String key = row.get("pk") + "/" + row.get("sk");
            for (int i = 0; i < Math.abs(n); i++) {
                (n > 0 ? missing : extra).add(key);
            }
        });
        return missing.isEmpty() && extra.isEmpty() ? null
                : "expected " + expected.size() + " rows, got " + actual.size() + "; missing " + missing + ", extra " + extra;
    }

    private static Map<String, Set<Object>> existingValues()
    {
        Map<String, Set<Object>> values = new LinkedHashMap<>();
        WEIGHTS.keySet().forEach(column -> values.put(column, new LinkedHashSet<>()));
        allRows.forEach(row -> values.forEach((column, set) -> {
            if (row.get(column) != null) {
                set.add(row.get(column));
            }
        }));
        return values;
    }

    private static Map<String, Double> weights()
    {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("pk", 0.55);
        weights.put("sk", 0.4);
        weights.put("gsi1pk", 0.4);
        weights.put("gsi1sk", 0.4);
        weights.put("lsisk", 0.3);
        weights.put("mixed", 0.2);
        weights.put("qty", 0.2);
        weights.put("note", 0.15);
        return weights;
    }
}
