package io.github.athenaddb.ddb.plan;

import java.util.Optional;

/**
 * How a read stops early for a LIMIT.
 *
 * @param rows the most rows each split writes, or {@link QueryConstraints#NO_LIMIT}
 * @param oneSplit read everything in one split, so that the rows of all splits together are at
 *         most {@code rows}: Athena trusts a declared LIMIT and does not cut the result again
 * @param forward the order of a Query (ScanIndexForward)
 * @param requestLimit send the remaining row count as DynamoDB's Limit: only when every item
 *         DynamoDB returns is a row, since Limit counts items read, not items matched
 * @param countedAttribute count only rows whose value of this attribute is not null (top-N on a
 *         numeric sort key: a value that does not fit the column reads as NULL and sorts last)
 */
public record RowLimit(long rows, boolean oneSplit, boolean forward, boolean requestLimit, Optional<String> countedAttribute)
{
    public static final RowLimit NONE = new RowLimit(QueryConstraints.NO_LIMIT, false, true, false, Optional.empty());

    public boolean limited()
    {
        return rows > QueryConstraints.NO_LIMIT;
    }
}
