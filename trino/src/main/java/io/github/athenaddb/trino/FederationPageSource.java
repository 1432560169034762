package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsResponse;
import com.amazonaws.athena.connector.lambda.records.RecordResponse;
import com.amazonaws.athena.connector.lambda.records.RemoteReadRecordsResponse;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;

import static io.github.athenaddb.trino.FederationErrorCode.FEDERATION_UNSUPPORTED_RESPONSE;
import static java.util.Objects.requireNonNull;

/**
 * One split's rows: a ReadRecords call on the first page asked for, its Arrow block converted to
 * Trino pages of at most {@link #PAGE_ROWS} rows; a response spilled to S3 is read back from there.
 */
final class FederationPageSource
        implements ConnectorPageSource
{
    private static final int PAGE_ROWS = 8192;

    private final FederationSource source;
    private final String queryId;
    private final FederationTableHandle table;
    private final List<FederationColumnHandle> columns;
    private final FederationSplit split;
    private Deque<Page> pages;
    private long completedBytes;
    private long completedPositions;
    private long readTimeNanos;

    FederationPageSource(FederationSource source, String queryId, FederationTableHandle table, List<FederationColumnHandle> columns,
            FederationSplit split)
    {
        this.source = requireNonNull(source, "source is null");
        this.queryId = requireNonNull(queryId, "queryId is null");
        this.table = requireNonNull(table, "table is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.split = requireNonNull(split, "split is null");
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        if (pages == null) {
            long start = System.nanoTime();
            pages = readSplit();
            readTimeNanos += System.nanoTime() - start;
        }
        Page page = pages.poll();
        if (page == null) {
            return null;
        }
        completedBytes += page.getSizeInBytes();
        completedPositions += page.getPositionCount();
        return SourcePage.create(page);
    }

    private Deque<Page> readSplit()
    {
        Split sdkSplit = source.client().decodeSplit(split.splitJson());
        RecordResponse response;
        try (Constraints constraints = FederationConstraints.of(source.client().allocator(), table)) {
            response = source.readRecords(queryId, table.federationName(), table.requestSchema(columns), sdkSplit, constraints);
        }
        try {
            Deque<Page> result = new ArrayDeque<>();
            if (response instanceof RemoteReadRecordsResponse remote) {
                // Rows over the source's inline limit were spilled to S3: read back, block by block, with the split's key.
                source.readSpilled(queryId, table.federationName(), remote, block -> result.addAll(toPages(block)));
            }
            else {
                result.addAll(toPages(((ReadRecordsResponse) response).getRecords()));
            }
            return result;
        }
        finally {
            FederationClient.close(response);
        }
    }

    private Deque<Page> toPages(Block block)
    {
        Deque<Page> result = new ArrayDeque<>();
        int rows = block.getRowCount();
        for (int from = 0; from < rows; from += PAGE_ROWS) {
            int to = Math.min(rows, from + PAGE_ROWS);
            if (columns.isEmpty()) {
                result.add(new Page(to - from));
                continue;
            }
            io.trino.spi.block.Block[] blocks = new io.trino.spi.block.Block[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                FederationColumnHandle column = columns.get(c);
                FieldVector vector = block.getFieldVector(column.name());
                if (vector == null) {
                    throw new TrinoException(FEDERATION_UNSUPPORTED_RESPONSE, "The source's records for " + table.schemaTableName()
                            + " have no column " + column.name());
                }
                BlockBuilder builder = column.type().createBlockBuilder(null, to - from);
                for (int row = from; row < to; row++) {
                    ArrowValueWriter.write(vector, row, column.type(), builder);
                }
                blocks[c] = builder.build();
            }
            result.add(new Page(to - from, blocks));
        }
        return result;
    }

    @Override
    public long getCompletedBytes()
    {
        return completedBytes;
    }

    @Override
    public OptionalLong getCompletedPositions()
    {
        return OptionalLong.of(completedPositions);
    }

    @Override
    public long getReadTimeNanos()
    {
        return readTimeNanos;
    }

    @Override
    public boolean isFinished()
    {
        return pages != null && pages.isEmpty();
    }

    @Override
    public void close()
    {
        pages = new ArrayDeque<>();
    }
}
