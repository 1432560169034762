package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.exec.ExportFileReader;
import io.github.athenaddb.ddb.exec.KeyLookupReader;
import io.github.athenaddb.ddb.exec.PartiqlReader;
import io.github.athenaddb.ddb.exec.QueryReader;
import io.github.athenaddb.ddb.exec.ScanReader;
import io.github.athenaddb.ddb.exec.ShardReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.function.Supplier;

/** The calls the split kinds read with: the table's DynamoDB client, its streams' client, and S3 for its exports. */
public record DynamoDbReaders(ScanReader scan, QueryReader query, KeyLookupReader keyLookup, PartiqlReader partiql, ShardReader shard,
                              ExportFileReader exportFile)
{
    /**
     * @param streams built when a split first reads a stream
     * @param s3 built when a split first reads an export
     */
    public static DynamoDbReaders of(DynamoDbClient dynamoDb, Supplier<DynamoDbStreamsClient> streams, Supplier<S3Client> s3)
    {
        return new DynamoDbReaders(new ScanReader(dynamoDb), new QueryReader(dynamoDb), new KeyLookupReader(dynamoDb), new PartiqlReader(dynamoDb),
                new ShardReader(streams), new ExportFileReader(s3));
    }
}
