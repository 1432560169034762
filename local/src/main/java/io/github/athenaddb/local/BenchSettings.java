package io.github.athenaddb.local;

import java.util.List;

/**
 * The sizes and repetitions of one {@code bench} run (written to its JSON: figures are only
 * comparable between runs with the same settings).
 *
 * @param items table sizes of the full-read scenario
 * @param partitionItems items in the partition the Query, top-N and point-lookup scenarios read
 * @param runs timed runs per scenario, after one warm-up run
 * @param segments parallel Scan segments of a full read (one split each)
 * @param exportItems items of the export the export-read scenario reads
 * @param changeRecords stream records the changes-read scenario reads
 */
record BenchSettings(List<Integer> items, int partitionItems, int jdbcRows, int warmups, int runs, int coldRuns, int segments, int exportItems,
                     int changeRecords, boolean smoke)
{
    static final BenchSettings SMOKE = new BenchSettings(List.of(300), 200, 300, 1, 1, 1, 1, 300, 100, true);
}
