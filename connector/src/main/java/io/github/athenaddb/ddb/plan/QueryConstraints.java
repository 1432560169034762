package io.github.athenaddb.ddb.plan;

import java.util.List;
import java.util.Map;

/**
 * What a query asks of one table, in the planner's terms: the allowed values per DynamoDB
 * attribute, and Athena's LIMIT with the ORDER BY it belongs to (a LIMIT under an ORDER BY is a
 * top-N: Athena sends both).
 *
 * @param limit the most rows the query needs, or {@link #NO_LIMIT}
 * @param orderBy the ORDER BY sent with the limit, by DynamoDB attribute; empty for a plain LIMIT
 */
public record QueryConstraints(Map<String, ColumnDomain> domains, long limit, List<SortItem> orderBy)
{
    public static final long NO_LIMIT = -1;

    public QueryConstraints
    {
        domains = Map.copyOf(domains);
        orderBy = List.copyOf(orderBy);
    }

    public static QueryConstraints of(Map<String, ColumnDomain> domains)
    {
        return new QueryConstraints(domains, NO_LIMIT, List.of());
    }

    public boolean hasLimit()
    {
        return limit > NO_LIMIT;
    }

    /** One ORDER BY item. */
    public record SortItem(String attribute, boolean ascending, boolean nullsFirst) {}
}
