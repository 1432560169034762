package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.data.SchemaBuilder;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.metadata.GetTableRequest;
import com.amazonaws.athena.connector.lambda.request.FederationRequest;
import com.amazonaws.athena.connector.lambda.request.PingRequest;
import com.amazonaws.athena.connector.lambda.security.AesGcmBlockCrypto;
import com.amazonaws.athena.connector.lambda.security.EncryptionKey;
import com.amazonaws.athena.connector.lambda.security.FederatedIdentity;
import com.amazonaws.athena.connector.lambda.security.LocalKeyFactory;
import com.amazonaws.athena.connector.lambda.serde.VersionedObjectMapperFactory;
import org.apache.arrow.vector.types.Types;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What runs before Lambda takes the SnapStart snapshot (DdbCompositeHandler's beforeCheckpoint):
 * the work of a cold instance's first requests that needs nothing from outside the process, so
 * that a restored instance starts with those classes loaded, initialized and partly compiled.
 *
 * <ul>
 * <li>both sides of the real handler are built, and an S3 client (the other AWS clients are built by their first call);</li>
 * <li>a Ping goes through the real handler: request and response serialization;</li>
 * <li>a GetTable goes through a second handler whose DynamoDB client answers from memory (the SDK's
 * canned-response HTTP client, anonymous credentials): the DynamoDB request path, the schema
 * sample and inference, the Arrow schema and its serialization;</li>
 * <li>a block is encrypted and decrypted as spill is (a key made locally).</li>
 * </ul>
 *
 * <p>Nothing here opens a connection, resolves credentials of the real clients or keeps a random
 * value: the real clients resolve credentials on their first call (after the restore), spill
 * keys come from a SecureRandom per key (which Lambda reseeds on restore), and the priming handler
 * and its canned client are dropped.
 */
final class SnapStartPriming
{
    /** A ListTables, a DescribeTable and a Scan answer at once (each reads its own fields). */
    private static final String CANNED_DYNAMODB = """
            {"TableNames":["priming"],
             "Table":{"TableName":"priming","TableStatus":"ACTIVE","ItemCount":2,"TableSizeBytes":64,
              "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
              "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}]},
             "Items":[{"pk":{"S":"a"},"sk":{"N":"1"},"name":{"S":"x"},"on":{"BOOL":true},"tags":{"SS":["t"]},"m":{"M":{"k":{"N":"2.5"}}}},
                      {"pk":{"S":"b"},"sk":{"N":"2"},"list":{"L":[{"S":"y"}]},"bin":{"B":"AQI="},"none":{"NULL":true}}],
             "Count":2,"ScannedCount":2,"ConsumedCapacity":{"TableName":"priming","CapacityUnits":0.5}}""";
    private static final FederatedIdentity IDENTITY = new FederatedIdentity("arn:aws:iam::000000000000:user/priming", "000000000000",
            Map.of(), List.of(), Map.of());

    private SnapStartPriming() {}

    static void prime(ConnectorHandlers handlers, Map<String, String> environment)
            throws Exception
    {
        handlers.buildAll();
        send(handlers, new PingRequest(IDENTITY, "ddb", "snapstart-priming"));

        Map<String, String> local = new java.util.HashMap<>(environment);
        local.keySet().removeIf(name -> name.endsWith("_connection_string") || name.equals("glue_endpoint"));
        local.put("disable_glue", "true");
        local.put(ConnectorConfig.QUERY_STATUS_CHECK, "false");
        // The priming table's schema must not reach the shared schema store (S3, KMS): no connection before the snapshot.
        local.put(ConnectorConfig.SCHEMA_CACHE_SECONDS, "0");
        try (DynamoDbClient canned = DynamoDbClient.builder()
                .httpClient(CannedResponseHttpClient.builder().statusCode(200).responseBody(CANNED_DYNAMODB.getBytes(StandardCharsets.UTF_8)).build())
                .credentialsProvider(AnonymousCredentialsProvider.create()).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://localhost")).build()) {
            send(new ConnectorHandlers(local, config -> canned), new GetTableRequest(IDENTITY, "snapstart-priming", "ddb",
                    new TableName("default", "priming"), Map.of()));
        }

        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl();
                Block block = allocator.createBlock(SchemaBuilder.newBuilder().addField("id", Types.MinorType.VARCHAR.getType()).build())) {
            block.setValue("id", 0, "priming");
            block.setRowCount(1);
            EncryptionKey key = new LocalKeyFactory().create();
            AesGcmBlockCrypto crypto = new AesGcmBlockCrypto(allocator);
            crypto.decrypt(key, crypto.encrypt(key, block), block.getSchema()).close();
        }
    }

    private static void send(ConnectorHandlers handlers, FederationRequest request)
            throws IOException
    {
        byte[] body;
        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
            body = VersionedObjectMapperFactory.create(allocator).writeValueAsBytes(request);
        }
        handlers.handleRequest(new ByteArrayInputStream(body), new ByteArrayOutputStream(), null);
    }
}
