package io.github.athenaddb.ddb.exec;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Keeps one split's reads under a budget of read capacity units per second (like the READRATIO
 * of Redshift's COPY from DynamoDB): after each response, it waits until the units consumed so
 * far fit the budget. The query's cap is divided among its splits when they are planned.
 */
public final class ReadRateLimiter
{
    public static final ReadRateLimiter UNLIMITED = new ReadRateLimiter(0);

    private final double unitsPerSecond;
    private final LongSupplier nanoClock;
    private final LongConsumer sleeperNanos;
    private final long start;
    private double consumed;

    /** @param unitsPerSecond 0 or less means no limit */
    public ReadRateLimiter(double unitsPerSecond)
    {
        this(unitsPerSecond, System::nanoTime, ReadRateLimiter::sleep);
    }

    ReadRateLimiter(double unitsPerSecond, LongSupplier nanoClock, LongConsumer sleeperNanos)
    {
        this.unitsPerSecond = unitsPerSecond;
        this.nanoClock = nanoClock;
        this.sleeperNanos = sleeperNanos;
        this.start = nanoClock.getAsLong();
    }

    /** Records consumed units and waits as long as the budget requires. */
    public synchronized void consumed(double units)
    {
        if (unitsPerSecond <= 0) {
            return;
        }
        consumed += units;
        long earliest = (long) (consumed / unitsPerSecond * 1e9);
        long wait = earliest - (nanoClock.getAsLong() - start);
        if (wait > 0) {
            sleeperNanos.accept(wait);
        }
    }

    private static void sleep(long nanos)
    {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
