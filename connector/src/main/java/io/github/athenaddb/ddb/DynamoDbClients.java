package io.github.athenaddb.ddb;

import com.google.common.base.Suppliers;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.aws.AssumedRoleCredentials;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;


import java.util.function.Supplier;

/**
 * Builds the DynamoDB client from the connector's configuration. The endpoint override is set
 * explicitly: the SDK versions the federation SDK brings ignore AWS_ENDPOINT_URL. This one client
 * serves every DynamoDB read of the function (metadata, schema samples, splits, PartiQL), so a
 * cross-account role set here applies to all of them.
 */
public final class DynamoDbClients
{
    private DynamoDbClients() {}

    public static DynamoDbClient create(ConnectorConfig config)
    {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .httpClientBuilder(ApacheHttpClient.builder());
        config.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        config.crossAccountRole().ifPresent(role -> builder.credentialsProvider(AssumedRoleCredentials.of(role, config.region())));
        return builder.build();
    }

    /**
     * The client of the tables' DynamoDB Streams: the streams endpoint when one is set, otherwise
     * the DynamoDB endpoint (an emulator such as moto_server serves both on one port); the same
     * region and cross-account role as the tables'.
     */
    public static Supplier<DynamoDbStreamsClient> lazyStreams(ConnectorConfig config)
    {
        // Built once, on first use: most functions never read a stream.
        return Suppliers.memoize(() -> streams(config));
    }

    private static DynamoDbStreamsClient streams(ConnectorConfig config)
    {
        DynamoDbStreamsClientBuilder builder = DynamoDbStreamsClient.builder()
                .region(Region.of(config.region()))
                .httpClientBuilder(ApacheHttpClient.builder());
        config.dynamoDbStreamsEndpoint().or(config::dynamoDbEndpoint).ifPresent(builder::endpointOverride);
        config.crossAccountRole().ifPresent(role -> builder.credentialsProvider(AssumedRoleCredentials.of(role, config.region())));
        return builder.build();
    }
}
