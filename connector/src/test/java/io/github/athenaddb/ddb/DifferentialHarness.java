package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.Marker;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.ddb.LimitCheck.Cut;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.testing.RecordingInterceptor;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs random constraint sets against one table twice: as Athena sends them (the connector pushes
 * down what it may) and as a full read filtered in memory by the same ValueSets; the rows must be
 * equal as a multiset. A third of the cases add a LIMIT, half of those an ORDER BY
 * ({@link LimitCheck} says what is right then). It counts the access paths the requests took.
 */
final class DifferentialHarness
{
    /** What a run found: its failures, how many cases selected rows, the requests by path, the cases by LIMIT kind. */
    record Result(List<String> failures, int nonEmpty, Map<String, Integer> paths, Map<String, Integer> kinds)
    {
        String summary(String test, long seed, int cases)
        {
            return String.format("%s: seed %d, %d cases run (%d selecting rows; %s), %d failed; requests %s",
                    test, seed, cases, nonEmpty, kinds, failures.size(), paths);
        }
    }

    private final AthenaSequence athena;
    private final String schemaName;
    private final String table;
    private final Schema schema;
    private final Map<String, Double> weights;
    private final List<String> hashColumns;
    private final List<String> orderColumns;
    private final Map<String, String> sparseIndexes;
    private final List<Map<String, Object>> allRows;

    /**
     * @param weights the chance of a constraint on each column, in the order the constraints are drawn
     * @param hashColumns columns that are partition keys: they get more = and IN
     * @param orderColumns the columns a top-N may order by
     */
    DifferentialHarness(AthenaSequence athena, String schemaName, String table, Map<String, Double> weights, List<String> hashColumns,
                        List<String> orderColumns)
    {
        this(athena, schemaName, table, weights, hashColumns, orderColumns, Map.of());
    }

    /**
     * @param sparseIndexes by sort-key column, the sparse index it is the sort key of: a top-N on it that
     *         reads the index although the query allows NULL is counted, and whether it read the table too
     */
    DifferentialHarness(AthenaSequence athena, String schemaName, String table, Map<String, Double> weights, List<String> hashColumns,
                        List<String> orderColumns, Map<String, String> sparseIndexes)
    {
        this.athena = athena;
        this.schemaName = schemaName;
        this.table = table;
        this.schema = AthenaSequence.lowerCased(athena.getTable(schemaName, table).getSchema());
        this.weights = new LinkedHashMap<>(weights);
        this.hashColumns = List.copyOf(hashColumns);
        this.orderColumns = List.copyOf(orderColumns);
        this.sparseIndexes = Map.copyOf(sparseIndexes);
        this.allRows = read(Map.of(), Cut.NONE);
    }

    List<Map<String, Object>> allRows()
    {
        return allRows;
    }

    Result run(long seed, int cases, List<String> absentText)
    {
        return run(seed, cases, absentText, false);
    }

    /** @param onlyTopN every case has a LIMIT and an ORDER BY; else a third a LIMIT, half of those an ORDER BY */
    Result run(long seed, int cases, List<String> absentText, boolean onlyTopN)
    {
        RandomConstraints generator = new RandomConstraints(new Random(seed), schema, existingValues(), absentText);
        List<String> failures = new ArrayList<>();
        int nonEmpty = 0;
        Map<String, Integer> paths = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        Random limits = new Random(seed + 1);
        for (int i = 0; i < cases; i++) {
            try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
                RandomConstraints.Case c = generator.next(allocator, weights, hashColumns);
                Cut cut = cut(limits, onlyTopN);
                String problem;
                try {
                    List<Map<String, Object>> expected = filter(c.summary());
                    nonEmpty += expected.isEmpty() ? 0 : 1;
                    RecordingInterceptor.start();
                    List<Map<String, Object>> actual;
                    List<RecordingInterceptor.Call> calls = List.of();
                    try {
                        actual = read(c.summary(), cut);
                    }
                    finally {
                        calls = RecordingInterceptor.stop();
                        calls.forEach(call -> count(paths, call));
                    }
                    sparseTopN(c.summary(), cut, calls).ifPresent(kind -> kinds.merge(kind, 1, Integer::sum));
                    problem = cut.limit() == Constraints.DEFAULT_NO_LIMIT ? difference(expected, actual) : LimitCheck.problem(expected, actual, cut);
                    kinds.merge(cut.kind(), 1, Integer::sum);
                }
                catch (RuntimeException e) {
                    problem = "failed: " + e;
                }
                if (problem != null) {
                    failures.add("seed " + seed + ", case " + i + ": " + c.text() + " " + cut + "\n    " + problem);
                }
            }
        }
        return new Result(failures, nonEmpty, paths, kinds);
    }

    /**
     * A top-N on a sparse index's sort key that read the index although the query allows a NULL
     * sort key, and whether it also read the items without it from the table ({@code
     * attribute_not_exists} of the sort key, first in the filter).
     */
    private Optional<String> sparseTopN(Map<String, ValueSet> summary, Cut cut, List<RecordingInterceptor.Call> calls)
    {
        if (cut.orderBy().isEmpty() || !sparseIndexes.containsKey(cut.orderBy().get(0).getColumnName())) {
            return Optional.empty();
        }
        String column = cut.orderBy().get(0).getColumnName();
        String index = sparseIndexes.get(column);
        boolean nullAllowed = !summary.containsKey(column) || summary.get(column).isNullAllowed();
        if (!nullAllowed || calls.stream().noneMatch(call -> index.equals(call.indexName()))) {
            return Optional.empty();
        }
        boolean completed = calls.stream().anyMatch(call -> call.indexName() == null && call.filter() != null
                && (call.filter().equals("attribute_not_exists(#f0)") || call.filter().startsWith("attribute_not_exists(#f0) AND ")));
        return Optional.of("top-n on sparse " + index + (completed ? ", completed from the table" : ""));
    }

    private static void count(Map<String, Integer> paths, RecordingInterceptor.Call call)
    {
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

    /** About a third of the cases get a LIMIT, half of those with an ORDER BY (or all, with {@code onlyTopN}). */
    private Cut cut(Random random, boolean onlyTopN)
    {
        if (!onlyTopN && random.nextDouble() >= 0.35) {
            return Cut.NONE;
        }
        long limit = random.nextInt(16);
        if (!onlyTopN && random.nextBoolean()) {
            return new Cut(limit, List.of());
        }
        String column = orderColumns.get(random.nextInt(orderColumns.size()));
        OrderByField.Direction direction = OrderByField.Direction.values()[random.nextInt(4)];
        return new Cut(limit, List.of(new OrderByField(column, direction)));
    }

    private List<Map<String, Object>> read(Map<String, ValueSet> summary, Cut cut)
    {
        Constraints constraints = new Constraints(summary, List.of(), cut.orderBy(), cut.limit(), Map.of(), null);
        List<Map<String, Object>> rows = new ArrayList<>();
        athena.read(schemaName, table, schema, constraints, 4, block -> rows.addAll(AthenaSequence.rows(block)));
        return rows;
    }

    private List<Map<String, Object>> filter(Map<String, ValueSet> summary)
    {
        return allRows.stream()
                .filter(row -> summary.entrySet().stream().allMatch(e -> allows(e.getValue(), row.get(e.getKey()))))
                .toList();
    }

    /**
     * Athena's answer: the SDK's ValueSet, except that strings order by UTF-8 bytes (code points),
     * where the SDK's String.compareTo orders UTF-16 units.
     */
    private static boolean allows(ValueSet set, Object value)
    {
        if (!(set instanceof SortedRangeSet ranges) || !(ranges.getType() instanceof ArrowType.Utf8)) {
            return set.containsValue(value);
        }
        if (value == null) {
            return ranges.isNullAllowed();
        }
        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        return ranges.getOrderedRanges().stream().anyMatch(r ->
                (r.getLow().isLowerUnbounded() || bytesCompare(bytes, r.getLow()) > 0 || (bytesCompare(bytes, r.getLow()) == 0
                        && r.getLow().getBound() == Marker.Bound.EXACTLY))
                && (r.getHigh().isUpperUnbounded() || bytesCompare(bytes, r.getHigh()) < 0 || (bytesCompare(bytes, r.getHigh()) == 0
                        && r.getHigh().getBound() == Marker.Bound.EXACTLY)));
    }

    private static int bytesCompare(byte[] value, Marker marker)
    {
        return Arrays.compareUnsigned(value, marker.getValue().toString().getBytes(StandardCharsets.UTF_8));
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

    private Map<String, Set<Object>> existingValues()
    {
        Map<String, Set<Object>> values = new LinkedHashMap<>();
        weights.keySet().forEach(column -> values.put(column, new LinkedHashSet<>()));
        allRows.forEach(row -> values.forEach((column, set) -> {
            if (row.get(column) != null) {
                set.add(row.get(column));
            }
        }));
        return values;
    }
}
