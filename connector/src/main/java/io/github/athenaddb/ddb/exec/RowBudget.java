package io.github.athenaddb.ddb.exec;

import io.github.athenaddb.ddb.plan.RowLimit;

/**
 * The rows one split may still write under a LIMIT. The record handler counts rows as it writes
 * them; the readers ask before each request whether to go on, and how many items to request.
 * One split is read by one thread.
 */
public final class RowBudget
{
    /** A filtered read's first request asks for this many items per row still wanted, each later one for 4 times more. */
    static final int FILTERED_FIRST_FACTOR = 10;
    private static final int FILTERED_GROWTH = 4;

    private final long limit;
    private final boolean requestLimit;
    private long rows;
    private int filteredRequests;

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

    /**
     * DynamoDB's Limit for the next request (called once per request), or null for none. When every
     * item read becomes a row: the rows still wanted. Under a filter (an entity view's type, a
     * condition on a non-key attribute) Limit counts items read, matched or not, so the rows still
     * wanted would be too few; but no Limit reads a whole 1 MB page (8,786 items, 151 RCU, for the
     * example's {@code SELECT * FROM shop.customers LIMIT 1}). So it grows: 10 items per row wanted,
     * then 4 times more per request, until DynamoDB's own 1 MB page is the limit. A common entity
     * takes a request or two; a rare one a few more requests than before, of no more bytes in all
     * than the growth's last step.
     */
    Integer requestLimit()
    {
        if (!limited()) {
            return null;
        }
        long wanted = Math.max(1, limit - rows);
        if (requestLimit) {
            return (int) Math.min(Integer.MAX_VALUE, wanted);
        }
        double grown = (double) wanted * FILTERED_FIRST_FACTOR * Math.pow(FILTERED_GROWTH, Math.min(filteredRequests++, 30));
        return grown >= Integer.MAX_VALUE ? null : (int) grown;
    }
}
