package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ddb.TableDescription;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.ArrayList;
import java.util.List;
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

    private final DynamoDbClient dynamoDb;
    private final int sampleSize;

    public SchemaSampler(DynamoDbClient dynamoDb, int sampleSize)
    {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb is null");
        this.sampleSize = sampleSize;
    }

    public List<Map<String, AttributeValue>> sample(TableDescription table)
    {
        int segments = sampleSize < SAMPLE_SEGMENTS ? 1 : SAMPLE_SEGMENTS;
        int perSegment = (sampleSize + segments - 1) / segments;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int segment = 0; segment < segments; segment++) {
            items.addAll(sampleSegment(table.name(), segment, segments, perSegment));
        }
        return items;
    }

    private List<Map<String, AttributeValue>> sampleSegment(String table, int segment, int segments, int limit)
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder()
                    .tableName(table)
                    .limit(limit - items.size())
                    .exclusiveStartKey(startKey)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (segments > 1) {
                request.segment(segment).totalSegments(segments);
            }
            ScanResponse page = dynamoDb.scan(request.build());
            items.addAll(page.items());
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        }
        while (startKey != null && items.size() < limit);
        return items;
    }
}
