package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import io.github.athenaddb.devkit.DifferentialTable;
import io.github.athenaddb.devkit.Dynalite;
import io.trino.testing.MaterializedRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.athenaddb.devkit.Tables.load;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pushdown never changes the rows, through Trino: random WHERE clauses (with a LIMIT or an
 * ORDER BY … LIMIT for a third of them) run once through a catalog that sends the predicate and
 * LIMIT to the DynamoDB connector, which then reads by GetItem, BatchGetItem, Query on the table,
 * its GSI or LSI, or Scan, and once through a catalog of the same source with
 * {@code federation.pushdown=false}, which reads every item and leaves all to Trino. The rows must
 * be equal as multisets; under a plain LIMIT, the pushdown's rows are that many of the reference's.
 * Cases run in batches, one UNION ALL of several scans per query (each scan its own predicate), to
 * keep the run short. Seed and case count: -Ddifferential.seed, -Ddifferential.cases.
 */
class TrinoDifferentialTest
{
    private static final String TABLE = "TrinoDifferential";
    private static final long SEED = Long.getLong("differential.seed", 20261206L);
    private static final int CASES = Integer.getInteger("differential.cases", 240);
    private static final int BATCH = 12;
    private static final List<String> COLUMNS = List.of("pk", "sk", "gsi1pk", "gsi1sk", "lsisk", "mixed", "qty", "note");

    private static FederationQueryRunner trino;
    private static Map<String, String> types;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        DifferentialTable.create(dynalite.client(), TABLE);
        load(dynalite.client(), TABLE, DifferentialTable.generate(new Random(SEED), 300));
        // A small key budget so that long IN lists fall back to Query or Scan, and two Scan segments.
        Map<String, String> handler = Map.of("max_key_lookups", "6", "scan_segments", "2");
        trino = FederationQueryRunner.start("ddb")
                .catalog("ddb", dynalite, handler, Map.of())
                .catalog("ddb_all", dynalite, handler, Map.of("federation.pushdown", "false"));
        types = trino.execute("DESCRIBE ddb.default.trinodifferential").getMaterializedRows().stream()
                .collect(Collectors.toMap(r -> (String) r.getField(0), r -> (String) r.getField(1)));
    }

    @AfterAll
    static void tearDown()
    {
        if (trino != null) {
            trino.close();
        }
    }

    @Test
    void pushdownReturnsTheRowsOfAReadOfEverything()
    {
        assertThat(types).containsKeys(COLUMNS.toArray(String[]::new));
        assertThat(trino.execute("SELECT count(*) FROM ddb_all.default.trinodifferential").getOnlyValue()).isEqualTo(300L);
        RandomWhere generator = new RandomWhere(new Random(SEED), columns());
        List<RandomWhere.Case> cases = Stream.iterate(0, i -> i + 1).limit(CASES).map(generator::next).toList();

        List<String> failures = new ArrayList<>();
        Map<String, Integer> paths = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        Set<String> referencePushed = new LinkedHashSet<>();
        int nonEmpty = 0;
        for (int from = 0; from < cases.size(); from += BATCH) {
            List<RandomWhere.Case> batch = cases.subList(from, Math.min(from + BATCH, cases.size()));
            Map<Integer, List<List<Object>>> pushed;
            Map<Integer, List<List<Object>>> reference;
            try {
                DynamoCalls.start();
                pushed = run("ddb", batch, false);
                DynamoCalls.stop().forEach(call -> count(paths, call));
                RecordingDdbHandler.clear();
                reference = run("ddb_all", batch, true);
                trino.requests(ReadRecordsRequest.class).stream()
                        .filter(read -> !read.getConstraints().getSummary().isEmpty() || read.getConstraints().getLimit() != Constraints.DEFAULT_NO_LIMIT)
                        .forEach(read -> referencePushed.add(read.getConstraints().getSummary().keySet() + " limit " + read.getConstraints().getLimit()));
            }
            catch (RuntimeException e) {
                DynamoCalls.stop();
                batch.forEach(c -> failures.add(describe(c) + "\n    batch failed: " + e.getMessage()));
                continue;
            }
            for (RandomWhere.Case c : batch) {
                List<List<Object>> expected = reference.getOrDefault(c.id(), List.of());
                List<List<Object>> actual = pushed.getOrDefault(c.id(), List.of());
                kinds.merge(c.kind(), 1, Integer::sum);
                if (!expected.isEmpty()) {
                    nonEmpty++;
                }
                String problem = problem(c, expected, actual);
                if (problem != null) {
                    failures.add(describe(c) + "\n    " + problem + "\n    DynamoDB: " + callsAlone(c));
                }
            }
        }
        System.out.printf("TrinoDifferentialTest: seed %d, %d cases (%d select rows), %s; access paths %s; %d failures%n",
                SEED, CASES, nonEmpty, kinds, paths, failures.size());
        failures.stream().limit(20).forEach(System.out::println);

        assertThat(failures).as("cases whose rows differ with pushdown (seed %d)", SEED).isEmpty();
        assertThat(referencePushed).as("what the federation.pushdown=false catalog sent").isEmpty();
        assertThat(nonEmpty).as("cases that select at least one row").isGreaterThan(CASES / 4);
        assertThat(kinds).as("LIMIT and top-N cases are run").containsKeys("no limit", "limit", "top-n");
        assertThat(paths).as("the access paths exercised").containsKeys("Query", "Query GSI1", "Query ByLsi", "Scan", "(with FilterExpression)");
        assertThat(paths.getOrDefault("GetItem", 0) + paths.getOrDefault("BatchGetItem", 0)).as("reads by key (GetItem, BatchGetItem)")
                .isPositive();
    }

    /** One query for the batch: a UNION ALL of one scan per case, each row tagged with its case. */
    private static Map<Integer, List<List<Object>>> run(String catalog, List<RandomWhere.Case> batch, boolean reference)
    {
        String sql = batch.stream()
                .map(c -> "(SELECT " + c.id() + " AS c, " + String.join(", ", COLUMNS) + " FROM " + catalog + ".default.trinodifferential"
                        + c.tail(reference) + ")")
                .collect(Collectors.joining("\nUNION ALL\n"));
        Map<Integer, List<List<Object>>> rows = new HashMap<>();
        for (MaterializedRow row : trino.execute(sql).getMaterializedRows()) {
            List<Object> fields = row.getFields();
            rows.computeIfAbsent((Integer) fields.get(0), id -> new ArrayList<>()).add(new ArrayList<>(fields.subList(1, fields.size())));
        }
        return rows;
    }

    /**
     * Null when the pushdown's rows are right. Without a LIMIT, or with a top-N (whose order the
     * key columns make total, so its rows are determined), they equal the reference's as a
     * multiset; under a plain LIMIT they are min(LIMIT, matching) of the reference's rows.
     */
    private static String problem(RandomWhere.Case c, List<List<Object>> expected, List<List<Object>> actual)
    {
        Map<List<Object>, Integer> available = new HashMap<>();
        expected.forEach(row -> available.merge(row, 1, Integer::sum));
        List<List<Object>> extra = new ArrayList<>();
        for (List<Object> row : actual) {
            if (available.merge(row, -1, Integer::sum) < 0) {
                extra.add(row);
            }
        }
        if (!extra.isEmpty()) {
            return "rows not in the reference (or twice): " + extra;
        }
        long want = c.kind().equals("limit") ? Math.min(c.limit(), expected.size()) : expected.size();
        if (actual.size() != want) {
            List<List<Object>> missing = available.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).limit(8).toList();
            return actual.size() + " rows where the reference has " + want + (c.kind().equals("limit") ? "" : "; missing (first 8) " + missing);
        }
        return null;
    }

    private static String describe(RandomWhere.Case c)
    {
        return "seed " + SEED + ", case " + c.id() + ": SELECT * FROM trinodifferential" + c.tail(false);
    }

    /** What the case alone sent to DynamoDB, for a failure's message. */
    private static List<DynamoCalls.Call> callsAlone(RandomWhere.Case c)
    {
        DynamoCalls.start();
        try {
            run("ddb", List.of(c), false);
            return DynamoCalls.stop();
        }
        catch (RuntimeException e) {
            DynamoCalls.stop();
            return List.of();
        }
    }

    private static void count(Map<String, Integer> paths, DynamoCalls.Call call)
    {
        paths.merge(call.path(), 1, Integer::sum);
        if (call.limit() != null) {
            paths.merge("(with Limit)", 1, Integer::sum);
        }
        if (call.filter() != null) {
            paths.merge("(with FilterExpression)", 1, Integer::sum);
        }
    }

    /** The columns to constrain, with the chance of a predicate on each and values present and absent. */
    private static List<RandomWhere.Column> columns()
    {
        List<String> absent = DifferentialTable.ABSENT_TEXT;
        List<RandomWhere.Column> columns = new ArrayList<>();
        columns.add(new RandomWhere.Column("pk", true, concat(DifferentialTable.PARTITIONS, absent), 0.55));
        columns.add(new RandomWhere.Column("sk", true, concat(DifferentialTable.SORT_KEYS, absent), 0.4));
        columns.add(new RandomWhere.Column("gsi1pk", true, concat(DifferentialTable.GSI_PARTITIONS, absent), 0.4));
        columns.add(number("gsi1sk", concat(DifferentialTable.GSI_SORT_KEYS, List.of("-100", "2.49", "7.250000001", "1000")), 0.4));
        columns.add(new RandomWhere.Column("lsisk", true, concat(DifferentialTable.SORT_KEYS, absent), 0.3));
        List<String> mixed = concat(DifferentialTable.MIXED_TEXT, DifferentialTable.MIXED_NUMBERS);
        columns.add(isText("mixed") ? new RandomWhere.Column("mixed", true, concat(mixed, absent), 0.2) : number("mixed", mixed, 0.2));
        columns.add(number("qty", List.of("-5", "-1", "0", "3", "7", "10", "25", "50", "51", "2.5", "1000"), 0.2));
        columns.add(new RandomWhere.Column("note", true, concat(DifferentialTable.NOTES, absent), 0.15));
        return columns;
    }

    private static RandomWhere.Column number(String name, List<String> values, double weight)
    {
        // Numbers only where the connector typed the column as numbers; a text column compares text.
        return new RandomWhere.Column(name, isText(name), isText(name) ? values : values.stream().filter(v -> v.matches("-?[0-9.]+")).toList(), weight);
    }

    private static boolean isText(String column)
    {
        return types.get(column).startsWith("varchar");
    }

    private static List<String> concat(List<String> first, List<String> second)
    {
        return Stream.concat(first.stream(), second.stream()).distinct().toList();
    }
}
