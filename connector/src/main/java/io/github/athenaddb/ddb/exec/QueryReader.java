package io.github.athenaddb.ddb.exec;

import io.github.athenaddb.ddb.plan.KeyCondition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/** Runs one Query (on the table or an index) to its last page. */
public final class QueryReader
{
    private final DynamoDbClient dynamoDb;

    public QueryReader(DynamoDbClient dynamoDb)
    {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb is null");
    }

    public ReadStats query(String table, Optional<String> index, KeyCondition condition, AttributeProjection projection,
                           ReadRateLimiter limiter, BooleanSupplier keepGoing, Consumer<List<Map<String, AttributeValue>>> pageConsumer)
    {
        Map<String, String> names = new HashMap<>(condition.names());
        names.putAll(projection.names());
        return PagedReader.read(startKey -> {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(table)
                    .indexName(index.orElse(null))
                    .keyConditionExpression(condition.expression())
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(condition.values())
                    .exclusiveStartKey(startKey)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (!projection.names().isEmpty()) {
                request.projectionExpression(projection.expression());
            }
            QueryResponse page = dynamoDb.query(request.build());
            return new PagedReader.Page(page.items(), page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null,
                    ReadStats.units(page.consumedCapacity()));
        }, limiter, keepGoing, pageConsumer);
    }
}
