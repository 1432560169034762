package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ddb.table.TableDescription;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Plans one table read: the access path ({@link AccessPlanner}), the LIMIT ({@link LimitPlanner}) and the filter ({@link FilterPlanner}). */
public final class ReadPlanner
{
    private ReadPlanner() {}

    public static ReadPlan plan(TableDescription table, QueryConstraints query, int maxKeyLookups)
    {
        AccessPlan access = AccessPlanner.plan(table, query, maxKeyLookups);
        RowLimit limit = LimitPlanner.plan(table, access, query);
        Optional<FilterCondition> filter = access.match(
                // GetItem and BatchGetItem take no filter; they read at most max_key_lookups items anyway.
                get -> Optional.empty(),
                queries -> queryFilter(table, queries, query),
                scan -> FilterPlanner.plan(query.domains(), Set.of()));
        return new ReadPlan(access, limit, filter);
    }

    private static Optional<FilterCondition> queryFilter(TableDescription table, AccessPlan.Queries queries, QueryConstraints query)
    {
        // A KEYS_ONLY or INCLUDE index returns only its attributes: a filter on any other would see it missing.
        Map<String, ColumnDomain> filterable = new HashMap<>(query.domains());
        queries.indexAttributes().ifPresent(held -> filterable.keySet().retainAll(held));
        return FilterPlanner.plan(filterable, queriedKeys(table, queries));
    }

    /** A Query's filter may not name the key attributes of the table or index it queries. */
    private static Set<String> queriedKeys(TableDescription table, AccessPlan.Queries queries)
    {
        return table.keySchema(queries.index()).map(k -> Set.copyOf(k.names())).orElse(Set.of());
    }
}
