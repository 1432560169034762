package io.github.athenaddb.ddb.changes;

import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The shards of a stream, closed and open, through every page of DescribeStream (at most 100
 * shards a page). A closed parent and its open children are all listed: each holds records no
 * other does, so each is read.
 */
public final class StreamShards
{
    private final Supplier<DynamoDbStreamsClient> streams;

    public StreamShards(Supplier<DynamoDbStreamsClient> streams)
    {
        this.streams = requireNonNull(streams, "streams is null");
    }

    public List<String> shardIds(String streamArn)
    {
        List<String> shards = new ArrayList<>();
        String after = null;
        do {
            DescribeStreamResponse page = streams.get().describeStream(DescribeStreamRequest.builder()
                    .streamArn(streamArn).exclusiveStartShardId(after).build());
            page.streamDescription().shards().stream().map(Shard::shardId).forEach(shards::add);
            after = page.streamDescription().lastEvaluatedShardId();
        }
        while (after != null);
        return shards;
    }
}
