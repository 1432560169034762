package io.github.athenaddb.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The benchmark thread's own CPU time, beside JMH's rows per wall-clock second: on a machine
 * shared with other work the wall-clock figure drops whenever the thread waits for a core, the
 * CPU time does not. JMH sums these counters over the measurement iterations, so rows per CPU
 * second is {@code rows / cpuMs * 1000} of the two results. Read twice per batch of rows, so
 * its cost (about a microsecond) is lost in the batch.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class CpuTime
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Rows written in the iteration. */
    public long rows;
    /** CPU milliseconds the benchmark thread spent writing them. */
    public double cpuMs;

    @Setup(Level.Iteration)
    public void clear()
    {
        rows = 0;
        cpuMs = 0;
    }

    static long now()
    {
        return THREADS.getCurrentThreadCpuTime();
    }

    void add(long batchRows, long since)
    {
        rows += batchRows;
        cpuMs += (now() - since) / 1e6;
    }
}
