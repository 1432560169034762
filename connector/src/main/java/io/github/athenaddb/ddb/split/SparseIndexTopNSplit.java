package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.exec.ReadStats;
import io.github.athenaddb.ddb.exec.RowBudget;
import io.github.athenaddb.ddb.plan.FilterCondition;
import io.github.athenaddb.ddb.plan.KeyCondition;
import io.github.athenaddb.ddb.plan.RowLimit;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A top-N on the sort key of a sparse index, in one split: the index's Queries, each for its first
 * N rows in the ORDER BY's order, and the matching items the index lacks (no sort key, so a NULL
 * one), read from the table with {@code missingFilter}. With NULLS LAST those are read only when the
 * index's Queries together found fewer than N rows, and only as many as are still wanted; with
 * NULLS FIRST they are read first, up to N, and each index Query then for the rows still wanted.
 * Athena sorts and cuts what the split returns. One split, so that the Queries' count decides
 * whether the table is read at all; the two reads return disjoint items, none twice.
 *
 * @param index the index's Queries, each its own top N
 * @param missing a Query on the table or an unsegmented Scan, for the items without the sort key
 */
public record SparseIndexTopNSplit(ReadSplit.QuerySplit index, ReadSplit missing, FilterCondition missingFilter, boolean missingFirst)
        implements ReadSplit
{
    public SparseIndexTopNSplit
    {
        requireNonNull(index, "index is null");
        requireNonNull(missing, "missing is null");
        requireNonNull(missingFilter, "missingFilter is null");
        if (index.index().isEmpty()) {
            throw new IllegalArgumentException("a sparse-index top-N reads an index");
        }
        boolean fromTable = missing instanceof ScanSplit || missing instanceof QuerySplit query && query.index().isEmpty();
        if (!fromTable || !missing.table().equals(index.table())) {
            throw new IllegalArgumentException("the items an index lacks are read from its table by a Query or a Scan");
        }
    }

    @Override
    public String table()
    {
        return index.table();
    }

    @Override
    public ReadStats read(ReadContext context)
    {
        RowBudget rows = context.rows();
        if (!rows.limited()) {
            // The split cannot count its rows (no limit, or the sort-key column is not read): it reads everything.
            return readIndex(context, 0).stats().plus(readMissing(context, 0));
        }
        long n = context.options().limit().rows();
        if (!missingFirst) {
            IndexRead found = readIndex(context, n);
            // The rows counted are those with a sort key: N of them are the top N, and NULLs sort after.
            if (found.rows() >= n || !context.keepGoing().getAsBoolean()) {
                return found.stats();
            }
            return found.stats().plus(readMissing(context, n - found.rows()));
        }
        ReadStats missingStats = readMissing(context, n);
        long nulls = rows.counted();
        if (nulls >= n || !context.keepGoing().getAsBoolean()) {
            return missingStats;
        }
        return missingStats.plus(readIndex(context, n - nulls).stats());
    }

    private record IndexRead(ReadStats stats, long rows) {}

    /** Each index Query for its first {@code n} rows: the top N of the union is within theirs. */
    private IndexRead readIndex(ReadContext context, long n)
    {
        RowLimit limit = context.options().limit();
        ReadStats stats = ReadStats.NONE;
        long rows = 0;
        for (KeyCondition condition : index.conditions()) {
            if (stats.requests() > 0 && !context.keepGoing().getAsBoolean()) {
                break;
            }
            context.rows().restart(new RowLimit(n, false, limit.forward(), limit.requestLimit(), limit.countedAttribute()));
            stats = stats.plus(new QuerySplit(index.table(), index.index(), List.of(condition), index.indexAttributes()).read(context));
            rows += context.rows().counted();
        }
        return new IndexRead(stats, rows);
    }

    /** Up to {@code n} items without the sort key; each is a row with a NULL sort key, and counts. */
    private ReadStats readMissing(ReadContext context, long n)
    {
        // Filtered by the key's absence: DynamoDB's Limit counts items read, so it grows from 10 per row wanted.
        RowLimit limit = new RowLimit(n, false, true, false, Optional.empty());
        context.rows().restart(limit);
        return missing.read(context.withOptions(new ReadOptions(limit, Optional.of(missingFilter))));
    }

    @Override
    public String describe()
    {
        return index.describe() + (missingFirst ? " after " : " then, if fewer than N, ") + "items without the sort key: " + missing.describe();
    }
}
