package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ddb.plan.EntityDomains;
import io.github.athenaddb.ddb.plan.FilterCondition;
import io.github.athenaddb.ddb.plan.FilterPlanner;
import io.github.athenaddb.ddb.table.EntityFilter;
import io.github.athenaddb.ddb.table.TableDescription;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Reads a sample of items to infer a schema from. The sample is spread over several parallel
 * Scan segments, because the first page of a plain Scan holds only the items of the first few
 * partitions (hash order), and a single-table design often stores one entity type per range of
 * hash values. Each segment contributes up to its share of the items and of the bytes
 * ({@link SampleSettings}, {@link SegmentBudget}), so a table of large items costs a bounded sample.
 */
public final class SchemaSampler
{
    /** Eventually consistent reads: 0.5 RCU per 4 KB read, rounded up per request. */
    private static final long BYTES_PER_READ_UNIT = 8192;

    private final DynamoDbClient dynamoDb;
    private final SampleSettings settings;

    public SchemaSampler(DynamoDbClient dynamoDb, int sampleSize)
    {
        this(dynamoDb, SampleSettings.ofItems(sampleSize));
    }

    public SchemaSampler(DynamoDbClient dynamoDb, int sampleSize, int sampleSegments)
    {
        this(dynamoDb, new SampleSettings(sampleSize, sampleSegments, SampleSettings.ofItems(sampleSize).maxBytes()));
    }

    public SchemaSampler(DynamoDbClient dynamoDb, SampleSettings settings)
    {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    public SampleSettings settings()
    {
        return settings;
    }

    public List<Map<String, AttributeValue>> sample(TableDescription table)
    {
        return sample(table, Optional.empty());
    }

    /**
     * A sample of one entity's items: the entity's predicate is sent as a FilterExpression, and
     * each segment reads at most {@value SegmentBudget#ENTITY_READ_FACTOR} times its share of the
     * items and no more than its share of the bytes, so a rare entity costs a bounded sample, not
     * a full Scan (it did: 10,591 items for the example's customers, with no byte limit).
     */
    public List<Map<String, AttributeValue>> sample(TableDescription table, Optional<EntityFilter> entity)
    {
        Optional<FilterCondition> filter = entity.flatMap(e -> FilterPlanner.plan(EntityDomains.of(e), Set.of()));
        int segments = settings.usedSegments();
        SegmentBudget budget = settings.segmentBudget(filter.isPresent(), table.averageItemBytes());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int segment = 0; segment < segments; segment++) {
            items.addAll(sampleSegment(table.name(), segment, segments, budget, filter));
        }
        entity.ifPresent(e -> items.removeIf(item -> !e.matches(item)));
        return items;
    }

    private List<Map<String, AttributeValue>> sampleSegment(String table, int segment, int segments, SegmentBudget budget,
                                                           Optional<FilterCondition> filter)
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        SegmentBudget.Progress progress = SegmentBudget.Progress.NONE;
        OptionalInt limit = budget.nextLimit(progress);
        while (limit.isPresent()) {
            ScanRequest.Builder request = ScanRequest.builder()
                    .tableName(table)
                    .limit(limit.getAsInt())
                    .exclusiveStartKey(startKey)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (segments > 1) {
                request.segment(segment).totalSegments(segments);
            }
            filter.ifPresent(f -> {
                request.filterExpression(f.expression()).expressionAttributeNames(f.names());
                if (!f.values().isEmpty()) {
                    request.expressionAttributeValues(f.values());
                }
            });
            ScanResponse page = dynamoDb.scan(request.build());
            items.addAll(page.items());
            long evaluated = page.scannedCount() == null ? page.items().size() : page.scannedCount();
            // DynamoDB reports what it metered when asked; without a report only the item limits apply.
            double units = page.consumedCapacity() == null || page.consumedCapacity().capacityUnits() == null
                    ? 0 : page.consumedCapacity().capacityUnits();
            progress = progress.plus(page.items().size(), evaluated, (long) Math.ceil(units * BYTES_PER_READ_UNIT));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            limit = startKey == null ? OptionalInt.empty() : budget.nextLimit(progress);
        }
        return items.size() > budget.items() ? items.subList(0, budget.items()) : items;
    }
}
