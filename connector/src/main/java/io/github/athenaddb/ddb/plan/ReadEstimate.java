package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ddb.table.TableDescription;

import java.util.List;
import java.util.Optional;

/**
 * A rough count of the items a set of Queries reads, to choose between the table and its indexes.
 * DynamoDB publishes item counts of the table and each index (about every six hours) but not how
 * items spread over partition keys, so a partition is assumed to hold the square root of its
 * table's or index's items; a sort-key equality reads one item, a range a quarter of the
 * partition. Only the ranking matters: a sparse index with few items beats a big table.
 */
final class ReadEstimate
{
    private static final double RANGE_FRACTION = 0.25;

    private ReadEstimate() {}

    static double items(TableDescription table, Optional<String> index, List<KeyCondition> conditions)
    {
        double partition = Math.max(1, Math.sqrt(itemCount(table, index)));
        double perQuery = 0;
        for (KeyCondition condition : conditions) {
            perQuery += condition.sort().map(s -> s.operator() == SortCondition.Operator.EQ ? 1 : Math.max(1, partition * RANGE_FRACTION))
                    .orElse(partition);
        }
        return perQuery;
    }

    private static long itemCount(TableDescription table, Optional<String> index)
    {
        if (index.isEmpty()) {
            return table.itemCount();
        }
        return table.index(index.get()).map(i -> i.itemCount() > 0 ? i.itemCount() : table.itemCount()).orElse(table.itemCount());
    }
}
