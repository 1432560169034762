package io.github.athenaddb.ddb.exec;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Reads items by primary key: GetItem for one key, BatchGetItem for more (100 keys per request,
 * DynamoDB's limit), retrying unprocessed keys with a growing pause until every key is answered.
 */
public final class KeyLookupReader
{
    static final int BATCH = 100;
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbClient dynamoDb;

    public KeyLookupReader(DynamoDbClient dynamoDb)
    {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb is null");
    }

    public ReadStats get(String table, List<Map<String, AttributeValue>> keys, AttributeProjection projection, ReadRateLimiter limiter,
                         Consumer<List<Map<String, AttributeValue>>> itemsConsumer)
    {
        if (keys.size() == 1) {
            GetItemResponse response = dynamoDb.getItem(b -> {
                b.tableName(table).key(keys.get(0)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
                if (!projection.names().isEmpty()) {
                    b.projectionExpression(projection.expression()).expressionAttributeNames(projection.names());
                }
            });
            List<Map<String, AttributeValue>> items = response.hasItem() ? List.of(response.item()) : List.of();
            itemsConsumer.accept(items);
            return new ReadStats(1, items.size(), ReadStats.units(response.consumedCapacity()));
        }
        long requests = 0;
        long items = 0;
        double units = 0;
        for (int from = 0; from < keys.size(); from += BATCH) {
            KeysAndAttributes.Builder batch = KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + BATCH)));
            if (!projection.names().isEmpty()) {
                batch.projectionExpression(projection.expression()).expressionAttributeNames(projection.names());
            }
            Map<String, KeysAndAttributes> pending = Map.of(table, batch.build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("BatchGetItem on " + table + " left keys unprocessed after " + MAX_ATTEMPTS
                            + " attempts: the table is throttling; try again or raise its read capacity");
                }
                pause(attempt);
                BatchGetItemResponse response = dynamoDb.batchGetItem(BatchGetItemRequest.builder().requestItems(pending)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
                requests++;
                List<Map<String, AttributeValue>> got = response.responses().getOrDefault(table, List.of());
                items += got.size();
                double batchUnits = response.consumedCapacity().stream().mapToDouble(ReadStats::units).sum();
                units += batchUnits;
                limiter.consumed(batchUnits);
                itemsConsumer.accept(got);
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return new ReadStats(requests, items, units);
    }

    private static void pause(int attempt)
    {
        if (attempt == 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(2000, 50L << attempt));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed keys", e);
        }
    }
}
