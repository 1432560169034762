package io.github.athenaddb.ddb.changes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The tables that have a stream, from ListStreams (every page, 100 streams each): one call per
 * table list instead of a DescribeTable per table. ListStreams also returns a stream disabled in
 * the last 24 hours, whose records are still readable.
 */
public final class StreamTables
{
    private static final Logger log = LoggerFactory.getLogger(StreamTables.class);

    private final Supplier<DynamoDbStreamsClient> streams;

    public StreamTables(Supplier<DynamoDbStreamsClient> streams)
    {
        this.streams = requireNonNull(streams, "streams is null");
    }

    public Set<String> tables()
    {
        Set<String> tables = new HashSet<>();
        String after = null;
        try {
            do {
                ListStreamsResponse page = streams.get().listStreams(ListStreamsRequest.builder().exclusiveStartStreamArn(after).build());
                page.streams().stream().map(Stream::tableName).forEach(tables::add);
                after = page.lastEvaluatedStreamArn();
            }
            while (after != null);
        }
        catch (DynamoDbException e) {
            if (e.statusCode() != 400 || e.awsErrorDetails() == null || !"UnknownOperationException".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            // An emulator without DynamoDB Streams (dynalite): its tables have no change tables to list.
            log.debug("The DynamoDB Streams endpoint does not know ListStreams: no change tables listed", e);
        }
        return tables;
    }
}
