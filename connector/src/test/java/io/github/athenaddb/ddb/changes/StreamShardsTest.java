package io.github.athenaddb.ddb.changes;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.SequenceNumberRange;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** moto keeps one shard per stream: the shard lists DynamoDB returns after splits are forced at the client boundary. */
class StreamShardsTest
{
    private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-12-06T06:30:49.051";

    @Test
    void listsClosedParentsAndOpenChildrenOverEveryPage()
    {
        DynamoDbStreamsClient client = mock(DynamoDbStreamsClient.class);
        when(client.describeStream(any(DescribeStreamRequest.class))).thenAnswer(call -> {
            DescribeStreamRequest request = call.getArgument(0);
            if (request.exclusiveStartShardId() == null) {
                return page("shard-2", closed("shard-1", null), closed("shard-2", "shard-1"));
            }
            assertThat(request.exclusiveStartShardId()).isEqualTo("shard-2");
            return page(null, open("shard-3", "shard-2"), open("shard-4", "shard-2"));
        });

        List<String> shards = new StreamShards(() -> client).shardIds(ARN);

        assertThat(shards).containsExactly("shard-1", "shard-2", "shard-3", "shard-4");
        verify(client, org.mockito.Mockito.times(2)).describeStream(any(DescribeStreamRequest.class));
    }

    private static DescribeStreamResponse page(String lastEvaluated, Shard... shards)
    {
        return DescribeStreamResponse.builder().streamDescription(StreamDescription.builder().streamArn(ARN)
                .shards(shards).lastEvaluatedShardId(lastEvaluated).build()).build();
    }

    private static Shard closed(String id, String parent)
    {
        return Shard.builder().shardId(id).parentShardId(parent)
                .sequenceNumberRange(SequenceNumberRange.builder().startingSequenceNumber("1").endingSequenceNumber("9").build()).build();
    }

    private static Shard open(String id, String parent)
    {
        return Shard.builder().shardId(id).parentShardId(parent)
                .sequenceNumberRange(SequenceNumberRange.builder().startingSequenceNumber("10").build()).build();
    }
}
