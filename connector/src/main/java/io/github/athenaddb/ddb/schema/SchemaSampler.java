package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ddb.table.EntityFilter;
import io.github.athenaddb.ddb.table.TableDescription;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.ArrayList;
import io.github.athenaddb.ddb.plan.FilterCondition;
import io.github.athenaddb.ddb.plan.EntityDomains;
import io.github.athenaddb.ddb.plan.FilterPlanner;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Reads a sample of items to infer a schema from. The sample is spread over several parallel
 * Scan segments, because the first page of a plain Scan holds only the items of the first few
 * partitions (hash order), and a single-table design often stores one entity type per range of
 * hash values. Each segment contributes up to {@code sampleSize / segments} items.
 */
public final class SchemaSampler
{
    static final int SAMPLE_SEGMENTS = 4;
    static final int ENTITY_READ_FACTOR = 20;

    public static final String SEGMENTS_SETTING = "schema_sample_segments";

    private final DynamoDbClient dynamoDb;
    private final int sampleSize;
    private final int sampleSegments;

    public SchemaSampler(DynamoDbClient dynamoDb, int sampleSize)
    {
        this(dynamoDb, sampleSize, SAMPLE_SEGMENTS);
    }

    public SchemaSampler(DynamoDbClient dynamoDb, int sampleSize, int sampleSegments)
    {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb is null");
        this.sampleSize = sampleSize;
        if (sampleSegments < 1 || sampleSegments > 1000) {
            throw new IllegalArgumentException("Invalid configuration " + SEGMENTS_SETTING + "='" + sampleSegments
                    + "': expected an integer from 1 to 1000");
        }
        this.sampleSegments = sampleSegments;
    }

    /** The {@value #SEGMENTS_SETTING} setting (default {@value #SAMPLE_SEGMENTS}). */
    public static int segments(Map<String, String> env)
    {
        String value = env.getOrDefault(SEGMENTS_SETTING, Integer.toString(SAMPLE_SEGMENTS)).trim();
        try {
            return Integer.parseInt(value);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid configuration " + SEGMENTS_SETTING + "='" + value + "': expected an integer from 1 to 1000");
        }
    }

    public List<Map<String, AttributeValue>> sample(TableDescription table)
    {
        return sample(table, Optional.empty());
    }

    /**
     * A sample of one entity's items: the entity's predicate is sent as a FilterExpression, and
     * each segment reads at most {@value #ENTITY_READ_FACTOR} times its share before it stops, so
     * a rare entity costs a bounded sample, not a full Scan.
     */
    public List<Map<String, AttributeValue>> sample(TableDescription table, Optional<EntityFilter> entity)
    {
        int segments = Math.max(1, Math.min(sampleSegments, sampleSize));
        int perSegment = (sampleSize + segments - 1) / segments;
        Optional<FilterCondition> filter = entity.flatMap(e -> FilterPlanner.plan(EntityDomains.of(e), Set.of()));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int segment = 0; segment < segments; segment++) {
            items.addAll(sampleSegment(table.name(), segment, segments, perSegment, filter));
        }
        entity.ifPresent(e -> items.removeIf(item -> !e.matches(item)));
        return items;
    }

    private List<Map<String, AttributeValue>> sampleSegment(String table, int segment, int segments, int limit, Optional<FilterCondition> filter)
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        long evaluated = 0;
        long maxEvaluated = filter.isPresent() ? (long) limit * ENTITY_READ_FACTOR : limit;
        do {
            ScanRequest.Builder request = ScanRequest.builder()
                    .tableName(table)
                    .limit((int) Math.min(Integer.MAX_VALUE, filter.isPresent() ? maxEvaluated - evaluated : limit - items.size()))
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
            evaluated += page.scannedCount() == null ? page.items().size() : page.scannedCount();
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        }
        while (startKey != null && items.size() < limit && evaluated < maxEvaluated);
        return items.size() > limit ? items.subList(0, limit) : items;
    }
}
