package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.ServedQuery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The stats of athena-local's queries that a serve ran, by Trino's query id, until the script
 * that sent the query takes them ({@link ServeScripts}): Trino tells the serve that a query ended
 * a moment after its client read the last row, so the script waits for them.
 */
final class ServedStats
        implements Consumer<ServedQuery>
{
    /** Stats nobody takes (a client that stopped first) are forgotten, the oldest first. */
    private static final int KEPT = 1_000;

    private final Map<String, ServedQuery> ended = new LinkedHashMap<>()
    {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ServedQuery> eldest)
        {
            return size() > KEPT;
        }
    };

    @Override
    public synchronized void accept(ServedQuery query)
    {
        if (query.fromAthenaLocal()) {
            ended.put(query.queryId(), query);
            notifyAll();
        }
    }

    /** The query's stats, once it ended, or empty after {@code wait}. */
    synchronized Optional<ServedQuery> take(String queryId, Duration wait)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!ended.containsKey(queryId)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return Optional.of(ended.remove(queryId));
    }
}
