package io.github.athenaddb.ddb.table;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
        for (Index index : indexes) {
            for (String key : index.keyNames()) {
                if (!attributeTypes.containsKey(key)) {
                    // DynamoDB defines every key attribute of a table and its indexes (AttributeDefinitions).
                    throw new IllegalArgumentException("index " + index.name() + " of table " + name + ": key attribute " + key + " has no type");
                }
            }
        }
    }

    /**
     * For tables described by hand (tests, benchmarks): the table's key types come from its keys;
     * an index key that is not one of them is a string attribute.
     */
    public TableDescription(String name, KeyAttribute hashKey, Optional<KeyAttribute> rangeKey, List<Index> indexes,
                            long sizeBytes, long itemCount)
    {
        this(name, hashKey, rangeKey, indexes, sizeBytes, itemCount, keyTypes(hashKey, rangeKey, indexes));
    }

    private static Map<String, KeyAttribute> keyTypes(KeyAttribute hashKey, Optional<KeyAttribute> rangeKey, List<Index> indexes)
    {
        Map<String, KeyAttribute> types = new HashMap<>();
        indexes.forEach(i -> i.keyNames().forEach(k -> types.put(k, new KeyAttribute(k, "S"))));
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

        List<String> keyNames()
        {
            List<String> keys = new ArrayList<>();
            keys.add(hashKey);
            rangeKey.ifPresent(keys::add);
            return keys;
        }
    }

    public List<KeyAttribute> keyAttributes()
    {
        return keySchema().attributes();
    }

    /** The table's own primary key. */
    public KeySchema keySchema()
    {
        return new KeySchema(hashKey, rangeKey);
    }

    /** The primary key of the table (no index) or of the named index; empty for an index the table does not have. */
    public Optional<KeySchema> keySchema(Optional<String> index)
    {
        if (index.isEmpty()) {
            return Optional.of(keySchema());
        }
        return index(index.get()).map(this::keySchema);
    }

    public KeySchema keySchema(Index index)
    {
        return new KeySchema(keyAttribute(index.hashKey()), index.rangeKey().map(this::keyAttribute));
    }

    public Optional<Index> index(String name)
    {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** A key attribute of the table or of an index, with the type DynamoDB defines for it. */
    /** DescribeTable's TableSizeBytes over its ItemCount (both refreshed about every six hours), when it gives both. */
    public OptionalLong averageItemBytes()
    {
        return sizeBytes > 0 && itemCount > 0 ? OptionalLong.of((sizeBytes + itemCount - 1) / itemCount) : OptionalLong.empty();
    }

    public KeyAttribute keyAttribute(String name)
    {
        KeyAttribute key = attributeTypes.get(name);
        if (key == null) {
            throw new IllegalArgumentException(name + " is not a key attribute of table " + this.name);
        }
        return key;
    }

    public static TableDescription from(software.amazon.awssdk.services.dynamodb.model.TableDescription t)
    {
        Map<String, String> types = t.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
        Function<String, KeyAttribute> key = n -> new KeyAttribute(n, requireNonNull(types.get(n), () -> "no AttributeDefinition for key " + n));
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
