package io.github.athenaddb.ddb.exec;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/**
 * The read budgets of the table reads this JVM is running, by Athena query id and table: the
 * splits of one read that run here share one {@link ReadRateLimiter}, whose rate is the sum of
 * their shares. In Lambda an instance runs one split at a time, so its budget is the shares of
 * the splits it ran; summed over instances, that is never more than the cap, as each split's
 * share counts only where the split ran. Locally (athena-local) every split runs here, and the
 * rate grows to the whole cap as splits start.
 *
 * <p>A read's budget is forgotten {@value #IDLE_SECONDS} seconds after its last split here ended.
 */
public final class QueryReadBudgets
{
    /** A read without a cap. */
    public static final Lease UNLIMITED = new Lease()
    {
        @Override
        public ReadRateLimiter limiter()
        {
            return ReadRateLimiter.UNLIMITED;
        }

        @Override
        public void close() {}
    };

    /** The budgets of this JVM. */
    public static final QueryReadBudgets JVM = new QueryReadBudgets(System::nanoTime);
    static final long IDLE_SECONDS = 300;

    private final LongSupplier nanoClock;
    private final Map<Key, Budget> budgets = new HashMap<>();

    QueryReadBudgets(LongSupplier nanoClock)
    {
        this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
    }

    private record Key(String queryId, String table) {}

    private static final class Budget
    {
        final ReadRateLimiter limiter;
        int running;
        long idleSince;

        Budget(ReadRateLimiter limiter)
        {
            this.limiter = limiter;
        }
    }

    /** One split's hold on its read's budget; closing it ends the split, its share stays with the budget. */
    public interface Lease
            extends AutoCloseable
    {
        ReadRateLimiter limiter();

        @Override
        void close();
    }

    /**
     * @param share the split's part of the cap (units per second)
     * @param cap the read's whole cap, which the shared budget never exceeds
     */
    public Lease join(String queryId, String table, double share, double cap)
    {
        return join(queryId, table, share, cap, new ReadRateLimiter(cap));
    }

    Lease join(String queryId, String table, double share, double cap, ReadRateLimiter fresh)
    {
        Key key = new Key(requireNonNull(queryId, "queryId is null"), requireNonNull(table, "table is null"));
        Budget budget;
        synchronized (budgets) {
            forgetIdle();
            budget = budgets.computeIfAbsent(key, k -> new Budget(fresh));
            budget.running++;
        }
        budget.limiter.join(share);
        return new Lease()
        {
            private boolean closed;

            @Override
            public ReadRateLimiter limiter()
            {
                return budget.limiter;
            }

            @Override
            public void close()
            {
                synchronized (budgets) {
                    if (!closed) {
                        closed = true;
                        budget.running--;
                        budget.idleSince = nanoClock.getAsLong();
                    }
                }
            }
        };
    }

    /** Reads known here (for tests). */
    int size()
    {
        synchronized (budgets) {
            return budgets.size();
        }
    }

    private void forgetIdle()
    {
        long now = nanoClock.getAsLong();
        for (Iterator<Budget> it = budgets.values().iterator(); it.hasNext(); ) {
            Budget b = it.next();
            if (b.running == 0 && now - b.idleSince > IDLE_SECONDS * 1_000_000_000L) {
                it.remove();
            }
        }
    }
}
