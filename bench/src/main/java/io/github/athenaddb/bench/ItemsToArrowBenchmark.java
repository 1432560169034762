package io.github.athenaddb.bench;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import io.github.athenaddb.ddb.types.Misfits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * DynamoDB items to Arrow rows, through the record handler's ItemRowWriter: each attribute is
 * coerced to its inferred column type and written into the block's vectors. One operation is
 * one row; an invocation writes a batch of {@value #BATCH} items into a block emptied before it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ItemsToArrowBenchmark
{
    static final int BATCH = 4096;

    @Param({"FLAT", "NESTED", "WIDE"})
    public Items shape;

    /**
     * How many different items the batch holds, repeated to fill it. 4096: every row a new item,
     * as in a scan (the items of a batch outgrow the CPU caches). 256: the items stay in cache,
     * which leaves the cost of the conversion itself.
     */
    @Param({"4096"})
    public int distinct;

    private BlockAllocatorImpl allocator;
    private ConnectorTable table;
    private List<Map<String, AttributeValue>> items;
    private Block block;

    @Setup(Level.Trial)
    public void setUp()
    {
        List<Map<String, AttributeValue>> different = shape.items(distinct);
        items = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            items.add(different.get(i % distinct));
        }
        table = new ConnectorTable(different);
        allocator = new BlockAllocatorImpl();
        block = table.newBlock(allocator);
        // Once with the strict misfit check: the measured writes must take the ordinary path.
        if (table.write(block, items, ConnectorTable.NO_MISFITS) != BATCH) {
            throw new IllegalStateException("not every item was written");
        }
    }

    @Setup(Level.Invocation)
    public void emptyBlock()
    {
        ConnectorTable.reset(block);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int write(CpuTime cpu)
    {
        long start = CpuTime.now();
        int rows = table.write(block, items, Misfits.IGNORE);
        cpu.add(rows, start);
        return rows;
    }

    @TearDown(Level.Trial)
    public void tearDown()
            throws Exception
    {
        block.close();
        allocator.close();
    }
}
