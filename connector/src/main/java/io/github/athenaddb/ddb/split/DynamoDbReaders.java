package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.exec.KeyLookupReader;
import io.github.athenaddb.ddb.exec.PartiqlReader;
import io.github.athenaddb.ddb.exec.QueryReader;
import io.github.athenaddb.ddb.exec.ScanReader;
import io.github.athenaddb.ddb.exec.ShardReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.function.Supplier;

/** The DynamoDB calls the split kinds read with: the table's client, and its streams' client. */
public record DynamoDbReaders(ScanReader scan, QueryReader query, KeyLookupReader keyLookup, PartiqlReader partiql, ShardReader shard)
{
    /** @param streams built when a split first reads a stream */
    public static DynamoDbReaders of(DynamoDbClient dynamoDb, Supplier<DynamoDbStreamsClient> streams)
    {
        return new DynamoDbReaders(new ScanReader(dynamoDb), new QueryReader(dynamoDb), new KeyLookupReader(dynamoDb), new PartiqlReader(dynamoDb),
                new ShardReader(streams));
    }
}
