package io.github.athenaddb.ddb.split;

import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.spill.S3SpillLocation;
import io.github.athenaddb.ConnectorException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardSplitTest
{
    private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-12-06T06:30:49.051";

    private static Split.Builder builder()
    {
        return Split.newBuilder(new S3SpillLocation("spill-bucket", "query-1/split-1", true), null);
    }

    @Test
    void roundTripsThroughTheCodec()
    {
        ShardSplit shard = new ShardSplit("Orders", ARN, List.of("shardId-00000002", "shardId-00000001"), Instant.ofEpochMilli(1_780_000_000_123L));

        Split split = SplitCodec.write(shard, builder()).build();

        assertThat(split.getProperties()).isEqualTo(Map.of("ddb.kind", "SHARD", "ddb.table", "Orders", "ddb.streamArn", ARN,
                "ddb.shardIds", "[\"shardId-00000002\",\"shardId-00000001\"]", "ddb.readUntilMillis", "1780000000123"));
        assertThat(SplitCodec.read(split)).isEqualTo(shard);
    }

    @Test
    void aShardWithoutItsEndIsAClearError()
    {
        Split split = builder().applyProperties(Map.of("ddb.kind", "SHARD", "ddb.table", "Orders", "ddb.streamArn", ARN,
                "ddb.shardIds", "[\"shardId-00000001\"]")).build();

        assertThatThrownBy(() -> SplitCodec.read(split))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("missing ddb.readUntilMillis");
    }
}
