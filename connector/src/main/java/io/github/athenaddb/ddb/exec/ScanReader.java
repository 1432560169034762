package io.github.athenaddb.ddb.exec;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import io.github.athenaddb.ddb.plan.FilterCondition;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/** Runs one segment of a parallel Scan to its end. It decides nothing: segment and projection come from the caller. */
public final class ScanReader
{
    private final DynamoDbClient dynamoDb;

    public ScanReader(DynamoDbClient dynamoDb)
    {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb is null");
    }

    /**
     * @param keepGoing asked before each page after the first; false stops the scan (query cancelled)
     */
    public ReadStats scan(String table, int segment, int totalSegments, AttributeProjection projection, Optional<FilterCondition> filter,
                          ReadRateLimiter limiter, BooleanSupplier keepGoing, RowBudget budget,
                          Consumer<List<Map<String, AttributeValue>>> pageConsumer)
    {
        Map<String, String> names = new HashMap<>(projection.names());
        filter.ifPresent(f -> names.putAll(f.names()));
        return PagedReader.read(startKey -> {
            ScanRequest.Builder request = ScanRequest.builder()
                    .tableName(table)
                    .exclusiveStartKey(startKey)
                    .limit(budget.requestLimit())
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (totalSegments > 1) {
                request.segment(segment).totalSegments(totalSegments);
            }
            if (!projection.names().isEmpty()) {
                request.projectionExpression(projection.expression());
            }
            if (!names.isEmpty()) {
                request.expressionAttributeNames(names);
            }
            filter.ifPresent(f -> {
                request.filterExpression(f.expression());
                if (!f.values().isEmpty()) {
                    request.expressionAttributeValues(f.values());
                }
            });
            ScanResponse page = dynamoDb.scan(request.build());
            return new PagedReader.Page(page.items(), page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null,
                    ReadStats.units(page.consumedCapacity()));
        }, limiter, keepGoing, budget, pageConsumer);
    }
}
