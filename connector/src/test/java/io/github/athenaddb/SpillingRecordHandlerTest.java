package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.QueryStatusChecker;
import com.amazonaws.athena.connector.lambda.data.BlockSpiller;
import com.amazonaws.athena.connector.lambda.data.SpillConfig;
import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.spill.S3SpillLocation;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.security.EncryptionKey;
import io.github.athenaddb.devkit.AthenaSequence;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpillingRecordHandlerTest
{
    @Test
    void spillsWithOneWriterThreadAndKeepsTheRestOfTheSdkConfig()
    {
        System.setProperty("aws.region", "us-east-1");
        SpillingRecordHandler handler = new SpillingRecordHandler("test", Map.of())
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
}
