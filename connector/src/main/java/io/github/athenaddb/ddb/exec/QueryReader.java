package io.github.athenaddb.ddb.exec;

import io.github.athenaddb.ddb.plan.FilterCondition;
import io.github.athenaddb.ddb.plan.KeyCondition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/** Runs Queries (on the table or an index) one after the other, each to its last page or until the split has its rows. */
public final class QueryReader
{
    private final DynamoDbClient dynamoDb;

    public QueryReader(DynamoDbClient dynamoDb)
    {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb is null");
    }

    /** @param forward ScanIndexForward: false reads the sort key from the highest value down */
    public ReadStats query(String table, Optional<String> index, List<KeyCondition> conditions, boolean forward,
                           Optional<FilterCondition> filter, AttributeProjection projection, ReadRateLimiter limiter,
                           BooleanSupplier keepGoing, RowBudget budget, Consumer<List<Map<String, AttributeValue>>> pageConsumer)
    {
        long requests = 0;
        long items = 0;
        double units = 0;
        for (KeyCondition condition : conditions) {
            if (budget.exhausted() || !keepGoing.getAsBoolean()) {
                break;
            }
            ReadStats stats = query(table, index, condition, forward, filter, projection, limiter, keepGoing, budget, pageConsumer);
            requests += stats.requests();
            items += stats.items();
            units += stats.consumedReadUnits();
        }
        return new ReadStats(requests, items, units);
    }

    private ReadStats query(String table, Optional<String> index, KeyCondition condition, boolean forward, Optional<FilterCondition> filter,
                            AttributeProjection projection, ReadRateLimiter limiter, BooleanSupplier keepGoing, RowBudget budget,
                            Consumer<List<Map<String, AttributeValue>>> pageConsumer)
    {
        Map<String, String> names = new LinkedHashMap<>(condition.names());
        names.putAll(projection.names());
        Map<String, AttributeValue> values = new LinkedHashMap<>(condition.values());
        filter.ifPresent(f -> {
            names.putAll(f.names());
            values.putAll(f.values());
        });
        return PagedReader.read(startKey -> {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(table)
                    .indexName(index.orElse(null))
                    .keyConditionExpression(condition.expression())
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .scanIndexForward(forward)
                    .limit(budget.requestLimit())
                    .exclusiveStartKey(startKey)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (!projection.names().isEmpty()) {
                request.projectionExpression(projection.expression());
            }
            filter.ifPresent(f -> request.filterExpression(f.expression()));
            QueryResponse page = dynamoDb.query(request.build());
            return new PagedReader.Page(page.items(), page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null,
                    ReadStats.units(page.consumedCapacity()));
        }, limiter, keepGoing, budget, pageConsumer);
    }
}
