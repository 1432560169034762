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

    private final boolean limited;
    private long limit;
    private boolean requestLimit;
    private boolean countsNulls;
    private long rows;
    private int filteredRequests;

    public RowBudget(RowLimit rowLimit)
    {
        this.limited = rowLimit.limited();
        start(rowLimit);
    }

    public static RowBudget unlimited()
    {
        return new RowBudget(RowLimit.NONE);
    }

    public boolean limited()
    {
        return limited;
    }

    public boolean exhausted()
    {
        return limited() && rows >= limit;
    }

    /**
     * A row was written. Under a top-N on a numeric sort key, a row whose sort-key column is NULL
     * is not counted ({@link RowLimit#countedAttribute()}).
     *
     * @param nullInCountedColumn whether the row's value of the counted column is NULL
     */
    public void wrote(boolean nullInCountedColumn)
    {
        if (countsNulls || !nullInCountedColumn) {
            rows++;
        }
    }

    /** The rows counted since the budget was made or last restarted. */
    public long counted()
    {
        return rows;
    }

    /**
     * Starts another part of a split's read under its own limit, counting from zero: a top-N over a
     * sparse index reads each index Query's first N rows, and then, or before, the items the index
     * lacks. An unlimited budget (the split could not count) stays unlimited, so every part reads all.
     */
    public void restart(RowLimit rowLimit)
    {
        if (limited) {
            start(rowLimit);
        }
    }

    private void start(RowLimit rowLimit)
    {
        this.limit = rowLimit.rows();
        this.requestLimit = rowLimit.requestLimit();
        this.countsNulls = rowLimit.countedAttribute().isEmpty();
        this.rows = 0;
        this.filteredRequests = 0;
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
