package io.github.athenaddb.ddb.exec;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Runs one segment of a parallel Scan to its end, page by page, following LastEvaluatedKey.
 * It decides nothing: the projection and segment come from the caller.
 */
public final class ScanReader
{
    private final DynamoDbClient dynamoDb;

    public ScanReader(DynamoDbClient dynamoDb)
    {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb is null");
    }

    /** What a finished (or stopped) scan cost. */
    public record ScanStats(long pages, long items, double consumedReadUnits) {}

    /**
     * @param keepGoing asked before each page after the first; false stops the scan (query cancelled)
     */
    public ScanStats scan(String table, int segment, int totalSegments, AttributeProjection projection,
                          BooleanSupplier keepGoing, Consumer<List<Map<String, AttributeValue>>> pageConsumer)
    {
        Map<String, AttributeValue> startKey = null;
        long pages = 0;
        long items = 0;
        double units = 0;
        do {
            ScanRequest.Builder request = ScanRequest.builder()
                    .tableName(table)
                    .exclusiveStartKey(startKey)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (totalSegments > 1) {
                request.segment(segment).totalSegments(totalSegments);
            }
            if (!projection.names().isEmpty()) {
                request.projectionExpression(projection.expression()).expressionAttributeNames(projection.names());
            }
            ScanResponse page = dynamoDb.scan(request.build());
            pages++;
            items += page.items().size();
            if (page.consumedCapacity() != null && page.consumedCapacity().capacityUnits() != null) {
                units += page.consumedCapacity().capacityUnits();
            }
            pageConsumer.accept(page.items());
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        }
        while (startKey != null && keepGoing.getAsBoolean());
        return new ScanStats(pages, items, units);
    }
}
