package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.DynamoDbRequestMeter;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A progress line on stderr while a statement runs longer than two seconds, only when stderr
 * is a terminal (never in a pipe or a CI log): items scanned so far and elapsed time.
 */
final class Progress
        implements AutoCloseable
{
    private static final long START_AFTER_MS = 2000;

    private final ScheduledExecutorService timer;
    private final long start = System.nanoTime();
    private boolean printed;

    private Progress(boolean enabled)
    {
        this.timer = enabled ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        }) : null;
        if (timer != null) {
            timer.scheduleAtFixedRate(this::print, START_AFTER_MS, 500, TimeUnit.MILLISECONDS);
        }
    }

    static Progress onTerminal()
    {
        return new Progress(System.console() != null);
    }

    private synchronized void print()
    {
        printed = true;
        System.err.printf("\r-- running %.1f s, %,d items scanned ", (System.nanoTime() - start) / 1e9, DynamoDbRequestMeter.itemsScannedSoFar());
        System.err.flush();
    }

    @Override
    public synchronized void close()
    {
        if (timer != null) {
            timer.shutdownNow();
            if (printed) {
                System.err.print("\r\033[K");
            }
        }
    }
}
