package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.exec.KeyLookupReader;
import io.github.athenaddb.ddb.exec.PartiqlReader;
import io.github.athenaddb.ddb.exec.QueryReader;
import io.github.athenaddb.ddb.exec.ScanReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB calls the split kinds read with, on one client. */
public record DynamoDbReaders(ScanReader scan, QueryReader query, KeyLookupReader keyLookup, PartiqlReader partiql)
{
    public static DynamoDbReaders of(DynamoDbClient dynamoDb)
    {
        return new DynamoDbReaders(new ScanReader(dynamoDb), new QueryReader(dynamoDb), new KeyLookupReader(dynamoDb), new PartiqlReader(dynamoDb));
    }
}
