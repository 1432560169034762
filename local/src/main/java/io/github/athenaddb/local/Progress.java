package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.LocalEngine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A progress line on stderr while a statement runs longer than two seconds, only when stderr
 * is a terminal (never in a pipe or a CI log): elapsed time, splits read of those planned, items scanned.
 */
final class Progress
        implements AutoCloseable
{
    private static final long START_AFTER_MS = 2000;

    private final ScheduledExecutorService timer;
    private final long start = System.nanoTime();
    private final Supplier<String> status;
    private boolean printed;

    private Progress(boolean enabled, Supplier<String> status)
    {
        this.status = status;
        this.timer = enabled ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        }) : null;
        if (timer != null) {
            timer.scheduleAtFixedRate(this::print, START_AFTER_MS, 500, TimeUnit.MILLISECONDS);
        }
    }

    /** @param status what the statement has done so far ({@link LocalEngine#progress()}) */
    static Progress onTerminal(Supplier<String> status)
    {
        return new Progress(System.console() != null, status);
    }

    private synchronized void print()
    {
        printed = true;
        System.err.printf("\r-- running %.1f s, %s ", (System.nanoTime() - start) / 1e9, status.get());
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
