package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.QueryStatusChecker;
import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockSpiller;
import com.amazonaws.athena.connector.lambda.handlers.RecordHandler;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.records.RecordResponse;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** ReadRecords for the catalog's source: see {@link RoutingMetadataHandler}. */
public final class RoutingRecordHandler
        extends SpillingRecordHandler
{
    private final RecordHandler dynamo;
    private final Map<String, ? extends RecordHandler> byCatalog;

    public RoutingRecordHandler(RecordHandler dynamo, Map<String, ? extends RecordHandler> byCatalog, Map<String, String> configOptions)
    {
        super("ddb", configOptions);
        this.dynamo = requireNonNull(dynamo, "dynamo is null");
        this.byCatalog = Map.copyOf(byCatalog);
    }

    @Override
    public RecordResponse doReadRecords(BlockAllocator allocator, ReadRecordsRequest request)
            throws Exception
    {
        RecordHandler handler = byCatalog.get(RoutingMetadataHandler.catalogKey(request.getCatalogName()));
        return (handler == null ? dynamo : handler).doReadRecords(allocator, request);
    }

    @Override
    protected void readWithConstraint(BlockSpiller spiller, ReadRecordsRequest request, QueryStatusChecker queryStatusChecker)
    {
        throw new IllegalStateException("doReadRecords routes every read to its source's handler");
    }
}
