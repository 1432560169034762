package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ddb.table.KeySchema;
import io.github.athenaddb.ddb.table.TableDescription;

import java.util.Optional;

/**
 * Decides how a LIMIT stops a read. The connector declares LIMIT pushdown, and Athena trusts a
 * declared limit: it does not cut the rows again. So the rows of all splits together must be at
 * most the limit, and a plain LIMIT is read in one split (Queries one after the other, or an
 * unsegmented Scan) that stops when it has written enough rows.
 * <p>
 * A LIMIT that comes with an ORDER BY is a top-N, which the connector does not declare: Athena
 * sorts and cuts what the splits return. A split may still stop early when its rows come in the
 * ORDER BY's order, that is, when the ORDER BY is the sort key of the Query that reads it: each
 * Query then reads its first N items (ScanIndexForward), and holds every row that can be in the
 * top N. Any other ORDER BY reads everything.
 */
public final class LimitPlanner
{
    private LimitPlanner() {}

    public static RowLimit plan(TableDescription table, AccessPlan access, QueryConstraints query)
    {
        if (!query.hasLimit()) {
            return RowLimit.NONE;
        }
        if (query.orderBy().isEmpty()) {
            return new RowLimit(query.limit(), true, true, everyItemIsARow(table, access, query), Optional.empty());
        }
        return access.match(get -> RowLimit.NONE, queries -> topN(table, queries, query), scan -> RowLimit.NONE);
    }

    /** A top-N read by Queries: each stops after N rows when its sort key is the ORDER BY. */
    private static RowLimit topN(TableDescription table, AccessPlan.Queries queries, QueryConstraints query)
    {
        Optional<TableDescription.KeyAttribute> sortKey = sortKey(table, queries);
        QueryConstraints.SortItem first = query.orderBy().get(0);
        if (sortKey.isEmpty() || !sortKey.get().name().equals(first.attribute())) {
            return RowLimit.NONE;
        }
        // Further ORDER BY items only break ties; a table's sort key is unique within a partition, an index's is not.
        if (query.orderBy().size() > 1 && queries.index().isPresent()) {
            return RowLimit.NONE;
        }
        Optional<String> counted = Optional.empty();
        if ("N".equals(sortKey.get().type())) {
            // A number that does not fit the column reads as NULL. Counting only non-null rows keeps the
            // top N exact when NULLs sort last, or when the query excludes NULL anyway; when they sort
            // first and can match, every NULL would be needed.
            ColumnDomain domain = query.domains().get(first.attribute());
            boolean nullsCanMatch = domain == null || domain.nullAllowed();
            if (first.nullsFirst() && nullsCanMatch) {
                return RowLimit.NONE;
            }
            counted = Optional.of(first.attribute());
        }
        return new RowLimit(query.limit(), false, first.ascending(), everyItemIsARow(table, queries, query), counted);
    }

    private static Optional<TableDescription.KeyAttribute> sortKey(TableDescription table, AccessPlan.Queries queries)
    {
        return table.keySchema(queries.index()).flatMap(KeySchema::range);
    }

    /**
     * Whether the items DynamoDB returns are rows of the result, so that DynamoDB's Limit (which
     * counts items read, matching or not) can be the rows still needed: no constraint at all, or
     * constraints only on the keys the Queries read by (a sort-key range read as its span, or an
     * exclusive end read as inclusive, can still return an item that is no row; the split then
     * asks for one more page). With any other constraint, pages are left at DynamoDB's size: a
     * Limit would only make more, smaller requests. The split stops at the limit either way.
     */
    private static boolean everyItemIsARow(TableDescription table, AccessPlan access, QueryConstraints query)
    {
        return query.domains().isEmpty() || access.match(get -> false, queries -> onlyKeyDomains(table, queries, query), scan -> false);
    }

    private static boolean onlyKeyDomains(TableDescription table, AccessPlan.Queries queries, QueryConstraints query)
    {
        String hashKey = queries.conditions().get(0).hashKey();
        Optional<String> sortKey = sortKey(table, queries).map(TableDescription.KeyAttribute::name);
        return query.domains().keySet().stream().allMatch(a -> a.equals(hashKey) || sortKey.map(a::equals).orElse(false));
    }
}
