package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.types.pojo.ArrowType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.table;

/** The table shape the access-path tests read, and ValueSets as Athena sends them. */
public final class IndexedTables
{
    private IndexedTables() {}

    /** PK (S) / SK (S); GSI1 on GSI1PK (S) / GSI1SK (N), sparse, projection ALL; LSI ByLsi on PK / LsiSk (S), projection ALL. */
    static void create(DynamoDbClient dynamo, String name)
    {
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        dynamo.createTable(table(name, "PK", ScalarAttributeType.S)
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                .attributeDefinitions(attribute("PK", ScalarAttributeType.S), attribute("SK", ScalarAttributeType.S),
                        attribute("GSI1PK", ScalarAttributeType.S), attribute("GSI1SK", ScalarAttributeType.N),
                        attribute("LsiSk", ScalarAttributeType.S))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("GSI1")
                        .keySchema(key("GSI1PK", KeyType.HASH), key("GSI1SK", KeyType.RANGE)).projection(all).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("ByLsi")
                        .keySchema(key("PK", KeyType.HASH), key("LsiSk", KeyType.RANGE)).projection(all).build())
                .build());
    }

    public static ValueSet in(BlockAllocator allocator, ArrowType type, Object... values)
    {
        List<Range> ranges = new ArrayList<>();
        for (Object v : values) {
            ranges.add(Range.equal(allocator, type, v));
        }
        return SortedRangeSet.of(false, ranges.get(0), ranges.subList(1, ranges.size()));
    }

    static ValueSet of(boolean nullAllowed, Range first, Range... more)
    {
        return SortedRangeSet.of(nullAllowed, first, more);
    }
}
