package io.github.athenaddb.ddb;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What the connector needs to know of a DynamoDB table: its keys (with their scalar types),
 * indexes, and size. Built from DescribeTable once, then carried in the table's schema
 * metadata so later calls of the same query need no further DescribeTable.
 */
public record TableDescription(
        String name,
        KeyAttribute hashKey,
        Optional<KeyAttribute> rangeKey,
        List<Index> indexes,
        long sizeBytes,
        long itemCount,
        Map<String, KeyAttribute> attributeTypes)
{
    public TableDescription
    {
        requireNonNull(name, "name is null");
        requireNonNull(hashKey, "hashKey is null");
        requireNonNull(rangeKey, "rangeKey is null");
        indexes = List.copyOf(indexes);
        attributeTypes = attributeTypes == null ? Map.of() : Map.copyOf(attributeTypes);
    }

    /** For tables described by hand (tests): the key attributes' types come from the keys themselves. */
    public TableDescription(String name, KeyAttribute hashKey, Optional<KeyAttribute> rangeKey, List<Index> indexes,
                            long sizeBytes, long itemCount)
    {
        this(name, hashKey, rangeKey, indexes, sizeBytes, itemCount, keyTypes(hashKey, rangeKey));
    }

    private static Map<String, KeyAttribute> keyTypes(KeyAttribute hashKey, Optional<KeyAttribute> rangeKey)
    {
        Map<String, KeyAttribute> types = new HashMap<>();
        types.put(hashKey.name(), hashKey);
        rangeKey.ifPresent(r -> types.put(r.name(), r));
        return types;
    }

    /** A key attribute and its DynamoDB scalar type: "S", "N" or "B". */
    public record KeyAttribute(String name, String type) {}

    public enum IndexKind { GSI, LSI }

    /** @param itemCount DescribeTable's ItemCount of the index (refreshed about every six hours; 0 when unknown) */
    public record Index(String name, IndexKind kind, String hashKey, Optional<String> rangeKey,
                        String projectionType, List<String> nonKeyAttributes, long itemCount)
    {
        public Index
        {
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }

        public Index(String name, IndexKind kind, String hashKey, Optional<String> rangeKey, String projectionType, List<String> nonKeyAttributes)
        {
            this(name, kind, hashKey, rangeKey, projectionType, nonKeyAttributes, 0);
        }
    }

    public List<KeyAttribute> keyAttributes()
    {
        List<KeyAttribute> keys = new ArrayList<>();
        keys.add(hashKey);
        rangeKey.ifPresent(keys::add);
        return keys;
    }

    public static TableDescription from(software.amazon.awssdk.services.dynamodb.model.TableDescription t)
    {
        Map<String, String> types = t.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
        Function<String, KeyAttribute> key = n -> new KeyAttribute(n, types.getOrDefault(n, "S"));
        List<Index> indexes = new ArrayList<>();
        t.globalSecondaryIndexes().forEach(g -> indexes.add(index(g.indexName(), IndexKind.GSI, g.keySchema(), g.projection(), g.itemCount())));
        t.localSecondaryIndexes().forEach(l -> indexes.add(index(l.indexName(), IndexKind.LSI, l.keySchema(), l.projection(), l.itemCount())));
        return new TableDescription(
                t.tableName(),
                key.apply(keyName(t.keySchema(), KeyType.HASH).orElseThrow()),
                keyName(t.keySchema(), KeyType.RANGE).map(key),
                indexes,
                t.tableSizeBytes() == null ? 0 : t.tableSizeBytes(),
                t.itemCount() == null ? 0 : t.itemCount(),
                types.keySet().stream().collect(Collectors.toMap(n -> n, key)));
    }

    private static Index index(String name, IndexKind kind, List<KeySchemaElement> keySchema, Projection projection, Long itemCount)
    {
        return new Index(name, kind,
                keyName(keySchema, KeyType.HASH).orElseThrow(),
                keyName(keySchema, KeyType.RANGE),
                projection == null ? "ALL" : projection.projectionTypeAsString(),
                projection == null ? List.of() : projection.nonKeyAttributes(),
                itemCount == null ? 0 : itemCount);
    }

    private static Optional<String> keyName(List<KeySchemaElement> keySchema, KeyType type)
    {
        return keySchema.stream().filter(k -> k.keyType() == type).map(KeySchemaElement::attributeName).findFirst();
    }
}
