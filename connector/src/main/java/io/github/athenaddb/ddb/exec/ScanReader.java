package io.github.athenaddb.ddb.exec;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Runs one segment of a parallel Scan to its end, page by page, following LastEvaluatedKey.
 * The next page is requested while the caller converts the current one, so DynamoDB's latency
 * and the conversion overlap instead of adding up. It decides nothing: the projection and
 * segment come from the caller.
 */
public final class ScanReader
{
    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scan-prefetch");
        t.setDaemon(true);
        return t;
    });

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
        long pages = 0;
        long items = 0;
        double units = 0;
        ScanResponse page = dynamoDb.scan(request(table, segment, totalSegments, projection, null));
        while (true) {
            pages++;
            items += page.items().size();
            if (page.consumedCapacity() != null && page.consumedCapacity().capacityUnits() != null) {
                units += page.consumedCapacity().capacityUnits();
            }
            Map<String, AttributeValue> next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            CompletableFuture<ScanResponse> prefetch = next == null || !keepGoing.getAsBoolean() ? null
                    : CompletableFuture.supplyAsync(() -> dynamoDb.scan(request(table, segment, totalSegments, projection, next)), PREFETCH);
            pageConsumer.accept(page.items());
            if (prefetch == null) {
                return new ScanStats(pages, items, units);
            }
            page = join(prefetch);
        }
    }

    private static ScanRequest request(String table, int segment, int totalSegments, AttributeProjection projection,
                                       Map<String, AttributeValue> startKey)
    {
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
        return request.build();
    }

    /** Rethrows the page request's own exception (throttling, not found...) for the error translator. */
    private static ScanResponse join(CompletableFuture<ScanResponse> future)
    {
        try {
            return future.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
