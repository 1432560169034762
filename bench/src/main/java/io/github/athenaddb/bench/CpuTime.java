package io.github.athenaddb.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Rows per second of the benchmark thread's own CPU time, beside JMH's rows per wall-clock
 * second: on a machine shared with other work the wall-clock figure drops whenever the thread
 * waits for a core, this one does not. Read twice per batch of rows, so its cost (about a
 * microsecond) is lost in the batch.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class CpuTime
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Rows written per CPU second so far in this iteration. */
    public double rowsPerCpuSecond;
    private long rows;
    private long nanos;

    @Setup(Level.Iteration)
    public void clear()
    {
        rows = 0;
        nanos = 0;
        rowsPerCpuSecond = 0;
    }

    static long now()
    {
        return THREADS.getCurrentThreadCpuTime();
    }

    void add(long batchRows, long since)
    {
        rows += batchRows;
        nanos += now() - since;
        rowsPerCpuSecond = nanos == 0 ? 0 : rows * 1e9 / nanos;
    }
}
