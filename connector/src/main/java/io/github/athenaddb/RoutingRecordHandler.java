package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.records.RecordResponse;
import io.github.athenaddb.handler.RecordSource;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** ReadRecords for the catalog's source: see {@link RoutingMetadataHandler}. */
public final class RoutingRecordHandler
        implements RecordSource
{
    private final RecordSource dynamo;
    private final Map<String, ? extends RecordSource> byCatalog;

    public RoutingRecordHandler(RecordSource dynamo, Map<String, ? extends RecordSource> byCatalog)
    {
        this.dynamo = requireNonNull(dynamo, "dynamo is null");
        this.byCatalog = Map.copyOf(byCatalog);
    }

    @Override
    public RecordResponse doReadRecords(BlockAllocator allocator, ReadRecordsRequest request)
            throws Exception
    {
        RecordSource handler = byCatalog.get(RoutingMetadataHandler.catalogKey(request.getCatalogName()));
        return (handler == null ? dynamo : handler).doReadRecords(allocator, request);
    }
}
