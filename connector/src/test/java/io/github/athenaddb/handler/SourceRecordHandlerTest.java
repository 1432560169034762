package io.github.athenaddb.handler;

import com.amazonaws.athena.connector.lambda.QueryStatusChecker;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.data.BlockSpiller;
import com.amazonaws.athena.connector.lambda.data.SchemaBuilder;
import com.amazonaws.athena.connector.lambda.data.SpillConfig;
import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.spill.S3SpillLocation;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsResponse;
import com.amazonaws.athena.connector.lambda.records.RecordResponse;
import com.amazonaws.athena.connector.lambda.security.EncryptionKey;
import com.amazonaws.athena.connector.lambda.security.LocalKeyFactory;
import io.github.athenaddb.devkit.AthenaSequence;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SourceRecordHandlerTest
{
    @Test
    void spillsWithOneWriterThreadAndKeepsTheRestOfTheSdkConfig()
    {
        SourceRecordHandler handler = new SourceRecordHandler(Map.of(), () -> {
            throw new AssertionError("no S3 client is built when nothing spills");
        })
        {
            @Override
            protected void readWithConstraint(BlockSpiller spiller, ReadRecordsRequest request, QueryStatusChecker checker) {}
        };
        S3SpillLocation location = new S3SpillLocation("bucket", "prefix/query/split", true);
        EncryptionKey key = new EncryptionKey(new byte[32], new byte[12]);
        ReadRecordsRequest request = new ReadRecordsRequest(AthenaSequence.IDENTITY, "ddb", "query-1", new TableName("s", "t"),
                new Schema(List.of()), Split.newBuilder(location, key).build(),
                new Constraints(Map.of(), List.of(), List.of(), -1, Map.of(), null), 1_000, 500);

        SpillConfig config = handler.getSpillConfig(request);

        assertThat(config.getNumSpillThreads()).isEqualTo(1);
        assertThat(config.getSpillLocation()).isEqualTo(location);
        assertThat(config.getEncryptionKey()).isEqualTo(key);
        assertThat(config.getMaxBlockBytes()).isEqualTo(1_000);
        assertThat(config.getMaxInlineBlockSize()).isEqualTo(500);
        assertThat(config.getRequestId()).isEqualTo("query-1");
    }

    @Test
    void aReadThatDoesNotSpillBuildsNoS3ClientAndAnswersInline()
            throws Exception
    {
        SourceRecordHandler handler = new SourceRecordHandler(Map.of(), () -> {
            throw new AssertionError("no S3 client is built when nothing spills");
        })
        {
            @Override
            protected void readWithConstraint(BlockSpiller spiller, ReadRecordsRequest request, QueryStatusChecker checker)
            {
                spiller.writeRows((block, row) -> block.setValue("id", row, "only") ? 1 : 0);
            }
        };
        Schema schema = SchemaBuilder.newBuilder().addStringField("id").build();
        ReadRecordsRequest request = new ReadRecordsRequest(AthenaSequence.IDENTITY, "ddb", "query-2", new TableName("s", "t"), schema,
                Split.newBuilder(new S3SpillLocation("bucket", "prefix/query/split", true), new LocalKeyFactory().create()).build(),
                new Constraints(Map.of(), List.of(), List.of(), -1, Map.of(), null), 1_000_000, 1_000_000);

        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl();
                RecordResponse response = handler.doReadRecords(allocator, request)) {
            assertThat(response).isInstanceOf(ReadRecordsResponse.class);
            assertThat(AthenaSequence.rows(((ReadRecordsResponse) response).getRecords())).containsExactly(Map.of("id", "only"));
        }
    }
}
