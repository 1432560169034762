package io.github.athenaddb.handler;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.records.RecordResponse;

/** What a source answers to Athena's ReadRecords: the split's rows, inline or spilled to S3. */
public interface RecordSource
{
    RecordResponse doReadRecords(BlockAllocator allocator, ReadRecordsRequest request)
            throws Exception;
}
