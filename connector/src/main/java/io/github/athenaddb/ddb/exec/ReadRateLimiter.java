package io.github.athenaddb.ddb.exec;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Keeps the reads of one table read in this JVM under a budget of read capacity units per
 * second (like the READRATIO of Redshift's COPY from DynamoDB). Each split that runs here adds
 * its share of the query's cap ({@link #join}); the share stays after the split ends, since no
 * other instance will use it, so splits still running here read faster. The rate never exceeds
 * the cap. After each response, the reader waits until the units consumed fit the budget.
 *
 * <p>Units not used are saved for at most {@value #SAVED_SECONDS} second of the rate, so a read
 * that was slow for a while does not then burst far over the cap.
 */
public final class ReadRateLimiter
{
    public static final ReadRateLimiter UNLIMITED = new ReadRateLimiter(0, System::nanoTime, nanos -> {});
    static final double SAVED_SECONDS = 1;

    private final double cap;
    private final LongSupplier nanoClock;
    private final LongConsumer sleeperNanos;
    private double rate;
    /** Units that may be read now without waiting; negative: owed, to be waited for. */
    private double balance;
    private long updated;

    /** @param cap the most units per second, whatever the shares joined; 0 or less means no limit */
    public ReadRateLimiter(double cap)
    {
        this(cap, System::nanoTime, ReadRateLimiter::sleep);
    }

    ReadRateLimiter(double cap, LongSupplier nanoClock, LongConsumer sleeperNanos)
    {
        this.cap = cap;
        this.nanoClock = nanoClock;
        this.sleeperNanos = sleeperNanos;
        this.updated = nanoClock.getAsLong();
    }

    /** A split starts here with this share of the cap (units per second). */
    public synchronized void join(double share)
    {
        refill();
        rate = Math.min(cap, rate + Math.max(0, share));
    }

    /** The units per second the reads here may consume now. */
    public synchronized double rate()
    {
        return rate;
    }

    /** Records consumed units and waits as long as the budget requires. */
    public void consumed(double units)
    {
        if (cap <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            refill();
            balance -= units;
            // Splits that consume at once queue up: each waits until the units consumed so far, its own included, are paid for.
            wait = balance >= 0 || rate <= 0 ? 0 : (long) Math.ceil(-balance / rate * 1e9);
        }
        if (wait > 0) {
            sleeperNanos.accept(wait);
        }
    }

    private void refill()
    {
        long now = nanoClock.getAsLong();
        balance = Math.min(rate * SAVED_SECONDS, balance + rate * (now - updated) / 1e9);
        updated = now;
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
