package io.github.athenaddb.devkit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Creates tables and loads items through the DynamoDB API, as a user would. */
public final class Tables
{
    private Tables() {}

    /** A client for a local DynamoDB API (dynalite, moto_server), which accepts any credentials. */
    public static DynamoDbClient client(URI endpoint, String region)
    {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    public static CreateTableRequest.Builder table(String name, String hashKey, ScalarAttributeType hashType)
    {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(hashKey).attributeType(hashType).build());
    }

    public static KeySchemaElement key(String name, KeyType type)
    {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    public static AttributeDefinition attribute(String name, ScalarAttributeType type)
    {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    /**
     * Creates a table and waits until it is ACTIVE: DynamoDB, and dynalite even with
     * {@code --createTableMs 0}, answer writes to a table still CREATING with ResourceNotFound.
     * Polls every 50 ms (the SDK's waiter polls every 20 s), for up to 5 minutes.
     */
    public static void create(DynamoDbClient client, CreateTableRequest request)
    {
        client.createTable(request);
        awaitActive(client, request.tableName());
    }

    private static void awaitActive(DynamoDbClient client, String table)
    {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (client.describeTable(b -> b.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Table " + table + " did not become ACTIVE within 5 minutes");
            }
            pause(50);
        }
    }

    /**
     * Writes the items, 25 per BatchWriteItem. A table created just before may still be CREATING
     * (dynalite too, under load, even with {@code --createTableMs 0}): its writes answer
     * ResourceNotFound, so the load first waits until the table is ACTIVE.
     */
    public static void load(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items)
    {
        awaitActive(client, table);
        for (int i = 0; i < items.size(); i += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(i, Math.min(items.size(), i + 25))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                BatchWriteItemResponse response = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
                pending = response.unprocessedItems();
                if (!pending.isEmpty()) {
                    // Unprocessed items are DynamoDB asking to slow down.
                    pause(100);
                }
            }
        }
    }

    private static void pause(long millis)
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static AttributeValue s(String v)
    {
        return AttributeValue.fromS(v);
    }

    public static AttributeValue n(String v)
    {
        return AttributeValue.fromN(v);
    }

    public static AttributeValue m(Map<String, AttributeValue> v)
    {
        return AttributeValue.fromM(v);
    }

    public static AttributeValue l(AttributeValue... v)
    {
        return AttributeValue.fromL(List.of(v));
    }
}
