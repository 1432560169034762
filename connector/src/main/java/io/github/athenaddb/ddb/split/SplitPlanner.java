package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.plan.AccessPlan;
import io.github.athenaddb.ddb.plan.KeyCondition;
import io.github.athenaddb.ddb.plan.MissingSortKeys;
import io.github.athenaddb.ddb.plan.ReadPlan;
import io.github.athenaddb.ddb.plan.ReadRatePlan;
import io.github.athenaddb.ddb.plan.ReadRatePlanner;
import io.github.athenaddb.ddb.plan.RowLimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The splits of one table read, from its plan: one per Scan segment, one per Query, or one for a
 * set of primary keys; one for everything under a plain LIMIT; and, under a read rate cap, only as
 * many as the cap needs ({@link ReadRatePlanner}), Queries grouped to run one after the other.
 */
public final class SplitPlanner
{
    private SplitPlanner() {}

    /** What each split reads, and each one's share of the cap. */
    public record Planned(List<ReadSplit> reads, ReadRatePlan rate) {}

    /**
     * @param segments the Scan segments the table's size (or scan_segments) calls for
     * @param unitsPerSecond max_read_units_per_second; 0 for none
     */
    public static Planned plan(String table, ReadPlan readPlan, int segments, double unitsPerSecond)
    {
        boolean oneSplit = readPlan.limit().oneSplit();
        return readPlan.access().match(
                get -> new Planned(List.of(new ReadSplit.KeysSplit(table, get.keys())), ReadRatePlanner.plan(unitsPerSecond, 1)),
                queries -> queries(table, queries, readPlan.limit(), unitsPerSecond),
                scan -> {
                    ReadRatePlan rate = ReadRatePlanner.plan(unitsPerSecond, oneSplit ? 1 : segments);
                    List<ReadSplit> reads = new ArrayList<>();
                    for (int segment = 0; segment < rate.splits(); segment++) {
                        reads.add(new ScanSplit(table, segment, rate.splits()));
                    }
                    return new Planned(reads, rate);
                });
    }

    private static Planned queries(String table, AccessPlan.Queries queries, RowLimit limit, double unitsPerSecond)
    {
        if (queries.missing().isPresent()) {
            // One split: whether the table is read for the items the index lacks depends on what all its Queries found.
            MissingSortKeys missing = queries.missing().get();
            ReadSplit.QuerySplit index = new ReadSplit.QuerySplit(table, queries.index(), queries.conditions(), queries.indexAttributes());
            ReadSplit fromTable = missing.read().match(
                    get -> {
                        throw new IllegalArgumentException("the items an index lacks are not read by key");
                    },
                    q -> new ReadSplit.QuerySplit(table, Optional.empty(), q.conditions(), Optional.empty()),
                    scan -> new ScanSplit(table, 0, 1));
            return new Planned(List.of(new SparseIndexTopNSplit(index, fromTable, missing.filter(), missing.first())),
                    ReadRatePlanner.plan(unitsPerSecond, 1));
        }
        List<KeyCondition> conditions = queries.conditions();
        // A top-N stops each Query after N rows: Queries in one split would share the N.
        boolean groupable = !limit.limited();
        ReadRatePlan rate = limit.oneSplit() ? ReadRatePlanner.plan(unitsPerSecond, 1)
                : groupable ? ReadRatePlanner.plan(unitsPerSecond, conditions.size()) : ReadRatePlanner.evenly(unitsPerSecond, conditions.size());
        List<ReadSplit> reads = new ArrayList<>();
        for (List<KeyCondition> group : groups(conditions, rate.splits())) {
            reads.add(new ReadSplit.QuerySplit(table, queries.index(), group, queries.indexAttributes()));
        }
        return new Planned(reads, rate);
    }

    /** The conditions in {@code count} groups of nearly equal size, in their order. */
    private static List<List<KeyCondition>> groups(List<KeyCondition> conditions, int count)
    {
        List<List<KeyCondition>> groups = new ArrayList<>();
        int from = 0;
        for (int g = 0; g < count; g++) {
            int to = from + (conditions.size() - from) / (count - g);
            groups.add(conditions.subList(from, to));
            from = to;
        }
        return groups;
    }
}
