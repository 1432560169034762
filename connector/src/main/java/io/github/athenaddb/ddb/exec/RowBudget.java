package io.github.athenaddb.ddb.exec;

import io.github.athenaddb.ddb.plan.RowLimit;

/**
 * The rows one split may still write under a LIMIT. The record handler counts rows as it writes
 * them; the readers ask before each request whether to go on, and how many items to request.
 * One split is read by one thread.
 */
public final class RowBudget
{
    private final long limit;
    private final boolean requestLimit;
    private long rows;

    public RowBudget(RowLimit rowLimit)
    {
        this.limit = rowLimit.rows();
        this.requestLimit = rowLimit.requestLimit();
    }

    public static RowBudget unlimited()
    {
        return new RowBudget(RowLimit.NONE);
    }

    public boolean limited()
    {
        return limit >= 0;
    }

    public boolean exhausted()
    {
        return limited() && rows >= limit;
    }

    public void counted(long n)
    {
        rows += n;
    }

    /** DynamoDB's Limit for the next request, or null: only when every item read becomes a row. */
    Integer requestLimit()
    {
        if (!requestLimit || !limited()) {
            return null;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, limit - rows));
    }
}
