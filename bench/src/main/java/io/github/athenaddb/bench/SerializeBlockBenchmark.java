package io.github.athenaddb.bench;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsResponse;
import com.amazonaws.athena.connector.lambda.serde.VersionedObjectMapperFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda response of a read: a ReadRecordsResponse holding one block of
 * {@value ItemsToArrowBenchmark#BATCH} flat rows, written to JSON by the object mapper the SDK's
 * RecordHandler uses (Arrow IPC bytes, base64 inside the JSON). One operation is one row; the
 * {@code megabytes} counter is the response size written per second (10^6 bytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SerializeBlockBenchmark
{
    /** JMH reports an operations counter as its sum over the iteration, per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Output
    {
        public double megabytes;

        @Setup(Level.Iteration)
        public void clear()
        {
            megabytes = 0;
        }
    }

    private BlockAllocatorImpl allocator;
    private Block block;
    private ObjectMapper mapper;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4 << 20);

    @Setup(Level.Trial)
    public void setUp()
    {
        var items = Items.FLAT.items(ItemsToArrowBenchmark.BATCH);
        ConnectorTable table = new ConnectorTable(items);
        allocator = new BlockAllocatorImpl();
        block = table.newBlock(allocator);
        table.write(block, items, ConnectorTable.NO_MISFITS);
        mapper = VersionedObjectMapperFactory.create(allocator);
        try {
            System.out.println("Response of " + block.getRowCount() + " flat rows: "
                    + mapper.writeValueAsBytes(new ReadRecordsResponse("bench", block)).length + " bytes");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ItemsToArrowBenchmark.BATCH)
    public int serialize(Output output, CpuTime cpu)
            throws IOException
    {
        long start = CpuTime.now();
        out.reset();
        // Not closed: closing the response would close the block, which the next call writes again.
        mapper.writeValue(out, new ReadRecordsResponse("bench", block));
        output.megabytes += out.size() / 1e6;
        cpu.add(ItemsToArrowBenchmark.BATCH, start);
        return out.size();
    }

    @TearDown(Level.Trial)
    public void tearDown()
            throws Exception
    {
        block.close();
        allocator.close();
    }
}
