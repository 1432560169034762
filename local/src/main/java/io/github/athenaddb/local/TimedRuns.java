package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.DynamoDbRequestMeter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Warm-up runs ({@code --warmups}: JIT, the connector's schema cache, connection pools), then timed runs, each
 * with the DynamoDB request meter reset. A read's runs ({@link #measure}) each start after a full collection and
 * have their own heap peak ({@link HeapPeak}), so a run's figures are its own and not the load's or the previous
 * scenario's. A statement of a warm engine ({@link #measureBackToBack}) is timed as a shell's or a serve's next
 * statement runs, with no full collection before it.
 */
final class TimedRuns
{
    /** One timed run of a scenario. */
    record Run(long rows, double wallMs, Map<String, Long> requests, double rcu, long peakHeapBytes) {}

    private TimedRuns() {}

    /**
     * @param table the DynamoDB table whose requests count (null for a source that is not DynamoDB)
     * @param body one run; returns the rows it read
     */
    static List<Run> measure(BenchSettings settings, String table, LongSupplier body)
    {
        return measure(settings, table, Map::of, body);
    }

    /** @param otherRequests requests the meter does not count per DynamoDB table, such as an export's S3 GetObject calls */
    static List<Run> measure(BenchSettings settings, String table, Supplier<Map<String, Long>> otherRequests, LongSupplier body)
    {
        warmUp(settings, body);
        List<Run> measured = new ArrayList<>();
        for (int i = 0; i < settings.runs(); i++) {
            // Garbage of the previous run must not count as this run's peak.
            System.gc();
            measured.add(run(table, otherRequests, body));
        }
        return measured;
    }

    /**
     * Statements of a warm engine: timed one after the other, as a shell's or a serve's statements run. A full
     * collection before each made each the first statement after one (a point lookup through Trino took about
     * 20 ms more), which no user's next statement is. The peak heap comes from one more run, after a full
     * collection, whose time is not counted.
     */
    static List<Run> measureBackToBack(BenchSettings settings, String table, LongSupplier body)
    {
        warmUp(settings, body);
        List<Run> timed = new ArrayList<>();
        for (int i = 0; i < settings.runs(); i++) {
            timed.add(run(table, Map::of, body));
        }
        System.gc();
        long peak = run(table, Map::of, body).peakHeapBytes();
        return timed.stream().map(r -> new Run(r.rows(), r.wallMs(), r.requests(), r.rcu(), peak)).toList();
    }

    private static void warmUp(BenchSettings settings, LongSupplier body)
    {
        for (int i = 0; i < settings.warmups(); i++) {
            body.getAsLong();
        }
    }

    private static Run run(String table, Supplier<Map<String, Long>> otherRequests, LongSupplier body)
    {
        DynamoDbRequestMeter.reset();
        long rows;
        double wallMs;
        long peak;
        try (HeapPeak heap = HeapPeak.start()) {
            long start = System.nanoTime();
            rows = body.getAsLong();
            wallMs = (System.nanoTime() - start) / 1e6;
            peak = heap.bytes();
        }
        DynamoDbRequestMeter.TableUsage usage = table == null ? new DynamoDbRequestMeter.TableUsage() : DynamoDbRequestMeter.usage(table);
        Map<String, Long> requests = new LinkedHashMap<>(usage.requests());
        requests.putAll(otherRequests.get());
        return new Run(rows, wallMs, requests, usage.rcu(), peak);
    }

    /**
     * The scenario's figures: wall time and rows/s from the median run, requests and RCU of the
     * last run (they do not vary between runs), peak heap the largest of any run.
     *
     * @param lowerBound null where RCU means nothing (not DynamoDB)
     */
    static BenchResults.Scenario summarize(String name, String description, List<Run> runs, RcuLowerBound lowerBound)
    {
        BenchResults.Stat wall = BenchResults.Stat.of(runs.stream().map(Run::wallMs).toList());
        Run last = runs.get(runs.size() - 1);
        double rowsPerSecond = last.rows() / Math.max(wall.median(), 0.001) * 1000;
        long peak = runs.stream().mapToLong(Run::peakHeapBytes).max().orElse(0);
        Double rcu = lowerBound == null ? null : last.rcu();
        Double bound = lowerBound == null ? null : lowerBound.rcu();
        Double ratio = lowerBound == null ? null : last.rcu() / bound;
        return new BenchResults.Scenario(name, description, null, last.rows(), wall, rowsPerSecond, last.requests(), rcu, bound,
                ratio, peak, null);
    }
}
