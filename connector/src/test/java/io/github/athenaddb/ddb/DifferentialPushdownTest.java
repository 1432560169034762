package io.github.athenaddb.ddb;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.DifferentialTable;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.testing.LocalSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
    private static final int SPARSE_CASES = Integer.getInteger("differential.sparseCases", 600);
    /** The sparse indexes by sort-key column: GSI1 on GSI1PK / GSI1SK (N), the LSI ByLsi on PK / LsiSk (S). */
    private static final Map<String, String> SPARSE_INDEXES = Map.of("gsi1sk", "GSI1", "lsisk", "ByLsi");

    private static LambdaWire wire;
    private static DifferentialHarness harness;
    private static DifferentialHarness sparseTopN;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        DifferentialTable.create(dynalite.client(), TABLE);
        load(dynalite.client(), TABLE, DifferentialTable.generate(new Random(SEED), 300));
        // A small key budget so that long IN lists fall back, and two Scan segments.
        wire = LocalSettings.dynamo(dynalite.endpoint()).with(ConnectorConfig.MAX_KEY_LOOKUPS, "6").with(ConnectorConfig.SCAN_SEGMENTS, "2").wire();
        harness = new DifferentialHarness(new AthenaSequence(wire), "default", TABLE.toLowerCase(), weights(), List.of("pk", "gsi1pk"),
                List.of("sk", "sk", "gsi1sk", "gsi1sk", "lsisk", "qty", "pk"), SPARSE_INDEXES);
        // Top-Ns that may read a sparse index: its partition key fixed, its sort key seldom constrained.
        sparseTopN = new DifferentialHarness(new AthenaSequence(wire), "default", TABLE.toLowerCase(), sparseWeights(), List.of("pk", "gsi1pk"),
                List.of("gsi1sk", "lsisk"), SPARSE_INDEXES);
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
    }

    @Test
    void pushdownReturnsExactlyTheRowsAFilteredFullReadReturns()
    {
        assertThat(harness.allRows()).hasSize(300);
        DifferentialHarness.Result result = harness.run(SEED, CASES, DifferentialTable.ABSENT_TEXT);
        System.out.println(result.summary("DifferentialPushdownTest", SEED, CASES));
        result.failures().stream().limit(20).forEach(System.out::println);
        assertThat(result.failures()).as("cases whose rows differ with pushdown (seed %d)", SEED).isEmpty();
        assertThat(result.nonEmpty()).as("cases that select at least one row").isGreaterThan(CASES / 4);
        assertThat(result.kinds()).as("LIMIT and top-N cases are run").containsKeys("no limit", "limit", "top-n");
        assertThat(result.paths()).as("every access path is exercised").containsKeys("GetItem", "BatchGetItem", "Query", "Query GSI1",
                "Query ByLsi", "Query with sort condition", "Scan", "(with Limit)", "(backward)", "(with FilterExpression)");
    }

    @Test
    void aTopNOverASparseIndexReturnsTheTopRowsOfAFilteredFullRead()
    {
        DifferentialHarness.Result result = sparseTopN.run(SEED + 7, SPARSE_CASES, DifferentialTable.ABSENT_TEXT, true);
        System.out.println(result.summary("DifferentialPushdownTest (sparse top-N)", SEED + 7, SPARSE_CASES));
        result.failures().stream().limit(20).forEach(System.out::println);
        assertThat(result.failures()).as("top-N cases whose rows differ with pushdown (seed %d)", SEED + 7).isEmpty();
        assertThat(result.kinds()).as("the index alone, and the index completed from the table, on the GSI and the LSI").containsKeys(
                "top-n on sparse GSI1", "top-n on sparse GSI1, completed from the table",
                "top-n on sparse ByLsi", "top-n on sparse ByLsi, completed from the table");
    }

    private static Map<String, Double> sparseWeights()
    {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("pk", 0.4);
        weights.put("gsi1pk", 0.7);
        weights.put("gsi1sk", 0.15);
        weights.put("lsisk", 0.15);
        weights.put("qty", 0.25);
        weights.put("note", 0.15);
        return weights;
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
