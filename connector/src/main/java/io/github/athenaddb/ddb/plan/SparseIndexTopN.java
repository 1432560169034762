package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ddb.table.TableDescription;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a top-N may read a sparse index although the query allows a NULL sort key, and how the
 * rows the index lacks are then completed ({@link MissingSortKeys}). DynamoDB leaves an item out of
 * an index when it lacks the index's sort key (it rejects a write of a key attribute of another type,
 * an empty or an over-long one), so with the partition key fixed, the matching items are those of
 * the index and those without the sort key, whose rows have a NULL sort key and so sort all before
 * or all after the index's rows.
 * <p>
 * It applies to a top-N whose only ORDER BY item is the index's sort key (further items would order
 * the NULL rows among themselves, which the completion does not read in any order), when the query
 * allows some non-null sort key (a query that allows only NULL finds nothing in the index). A
 * number that does not fit its column reads as NULL too, and such items are in the index: NULLS LAST
 * counts them out of the N ({@link RowLimit#countedAttribute()}), but NULLS FIRST would need every
 * one, so a numeric sort key with NULLS FIRST does not qualify.
 * <p>
 * The missing items are read from the table by the plan the query would have without this index
 * (Queries on the table when its partition key is fixed, as for an LSI, else a Scan), never from
 * another index, which might not hold the sort key to test its absence.
 */
final class SparseIndexTopN
{
    private SparseIndexTopN() {}

    static Optional<MissingSortKeys> plan(TableDescription table, TableDescription.Index index, Map<String, ColumnDomain> domains,
                                          QueryConstraints query, int maxKeyLookups)
    {
        if (!query.hasLimit() || query.orderBy().size() != 1) {
            return Optional.empty();
        }
        QueryConstraints.SortItem order = query.orderBy().get(0);
        Optional<TableDescription.KeyAttribute> sortKey = table.keySchema(index).range();
        if (sortKey.isEmpty() || !sortKey.get().name().equals(order.attribute())) {
            return Optional.empty();
        }
        ColumnDomain domain = domains.get(order.attribute());
        if (domain != null && (!domain.nullAllowed() || domain.intervals().isEmpty())) {
            return Optional.empty();
        }
        if (order.nullsFirst() && "N".equals(sortKey.get().type())) {
            return Optional.empty();
        }
        Map<String, ColumnDomain> others = new HashMap<>(domains);
        others.remove(order.attribute());
        TableDescription tableAlone = new TableDescription(table.name(), table.hashKey(), table.rangeKey(), List.of(), table.sizeBytes(),
                table.itemCount(), table.attributeTypes());
        AccessPlan read = AccessPlanner.plan(tableAlone, others, maxKeyLookups);
        // GetItem takes no filter; it cannot come up here, as the query's own plan would then be GetItem.
        Optional<Set<String>> queried = read.match(get -> Optional.empty(), queries -> Optional.of(Set.copyOf(table.keySchema().names())),
                scan -> Optional.of(Set.of()));
        return queried.map(keys -> new MissingSortKeys(order.attribute(), order.nullsFirst(), read,
                FilterPlanner.missing(others, keys, order.attribute())));
    }
}
