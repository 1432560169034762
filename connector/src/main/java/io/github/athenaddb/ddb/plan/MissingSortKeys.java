package io.github.athenaddb.ddb.plan;

import static java.util.Objects.requireNonNull;

/**
 * For a top-N on the sort key of a sparse index: how to read the matching items the index leaves
 * out because they lack that key. Their rows have a NULL sort key, so they come after the index's
 * rows (NULLS LAST: read only when the index holds fewer than N matching items) or before them
 * (NULLS FIRST: read first, up to N, and the index only for the rows still wanted).
 *
 * @param attribute the index's sort key
 * @param first NULLS FIRST: these rows come before the index's
 * @param read where they are read: Queries on the table, or a Scan of it (the table holds every
 *         attribute, so the filter's {@code attribute_not_exists} is exact there)
 * @param filter the query's filter and {@code attribute_not_exists} of the sort key
 */
public record MissingSortKeys(String attribute, boolean first, AccessPlan read, FilterCondition filter)
{
    public MissingSortKeys
    {
        requireNonNull(attribute, "attribute is null");
        requireNonNull(read, "read is null");
        requireNonNull(filter, "filter is null");
        boolean fromTable = read.match(get -> false, queries -> queries.index().isEmpty(), scan -> true);
        if (!fromTable) {
            throw new IllegalArgumentException("items without " + attribute + " are read by a Query on the table or a Scan, not " + read.reason());
        }
    }

    public String reason()
    {
        return "items without " + attribute + " (not in the index) are read " + (first ? "first" : "only if the index holds fewer than N matching items")
                + ", by " + read.reason() + " with FilterExpression " + filter.expression();
    }
}
