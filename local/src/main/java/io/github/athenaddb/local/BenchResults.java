package io.github.athenaddb.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code bench} run as written to (and read back from) its JSON file: where it ran and what
 * each scenario measured. Metrics a scenario has no meaning for (RCU of a JDBC read) are null.
 */
record BenchResults(String timestamp, Map<String, Object> machine, String gitCommit, Map<String, Object> settings,
                    List<Scenario> scenarios)
{
    Optional<Scenario> scenario(String name)
    {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Median, fastest and slowest of the timed runs. */
    record Stat(double median, double min, double max)
    {
        static Stat of(List<Double> values)
        {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(Double::compare);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Stat(median, sorted.get(0), sorted.get(n - 1));
        }
    }

    /**
     * @param skipped why the scenario did not run (then every metric is null), or null
     * @param wallMs of the timed runs (each run: the whole Athena call sequence, or the SQL statement)
     * @param rowsPerSecond rows over the median wall time
     * @param requests DynamoDB requests of one run, by type (GetItem, Query, Scan...)
     * @param rcu read capacity consumed by one run, as the local DynamoDB reported it
     * @param rcuLowerBound see {@link RcuLowerBound}
     * @param rcuRatio rcu / rcuLowerBound: 1 is the best any plan can do
     * @param peakHeapBytes the largest, over the timed runs, of the most heap in use at once ({@link HeapPeak})
     */
    record Scenario(String name, String description, String skipped, Long rows, Stat wallMs, Double rowsPerSecond,
                    Map<String, Long> requests, Double rcu, Double rcuLowerBound, Double rcuRatio, Long peakHeapBytes,
                    ColdStart coldStart)
    {
        static Scenario skipped(String name, String description, String why)
        {
            return new Scenario(name, description, why, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * Fresh JVMs on the shaded Lambda jar; times are from JVM start.
     *
     * @param firstReadRecordsMs to the end of the first read of a small table (one split, one ReadRecords)
     */
    record ColdStart(int runs, Stat handlerReadyMs, Stat firstGetTableMs, Stat firstReadRecordsMs, double jarMiB)
    {
    }
}
