package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ddb.table.CaseClashes;
import io.github.athenaddb.ddb.table.TableDescription;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a table's Arrow schema from sampled items and the key schema. Column order is
 * deterministic (hash key, range key, then attributes by name) so that a dataset built on the
 * table (QuickSight, saved queries) keeps its columns in place from one call to the next.
 */
public final class SchemaInference
{
    private SchemaInference() {}

    public static Schema infer(TableDescription table, List<Map<String, AttributeValue>> items)
    {
        return infer(table, items, Map.of());
    }

    /** @param renames attribute to column, from a Glue table's columnMapping */
    public static Schema infer(TableDescription table, List<Map<String, AttributeValue>> items, Map<String, String> renames)
    {
        return infer(table, items, true, renames);
    }

    /**
     * The schema of a PartiQL result: only the attributes the result holds, so a statement that
     * selects a few attributes does not grow empty key columns.
     */
    public static Schema inferResult(TableDescription table, List<Map<String, AttributeValue>> items)
    {
        return infer(table, items, false, Map.of());
    }

    private static Schema infer(TableDescription table, List<Map<String, AttributeValue>> items, boolean withAllKeys, Map<String, String> renames)
    {
        Map<String, InferredType> types = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            item.forEach((name, value) -> types.merge(name, AttributeTypes.of(value), InferredType::union));
        }
        Map<String, InferredType> ordered = new LinkedHashMap<>();
        for (TableDescription.KeyAttribute key : table.keyAttributes()) {
            if (withAllKeys || types.containsKey(key.name())) {
                ordered.put(key.name(), types.getOrDefault(key.name(), keyTypeWithoutSample(key.type())));
            }
        }
        List<String> others = new ArrayList<>(types.keySet());
        others.removeAll(ordered.keySet());
        others.sort(Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder()));
        others.forEach(n -> ordered.put(n, types.get(n)));

        List<Field> fields = new ArrayList<>();
        Map<String, String> byColumn = new HashMap<>();
        Map<String, List<String>> clashes = new HashMap<>();
        for (CaseClashes.Column column : CaseClashes.columns(ordered.keySet(), renames)) {
            String name = column.name().toLowerCase(Locale.ROOT);
            if (column.clashes()) {
                // Reading it fails whatever its type; varchar is the one type every attribute of the clash could read as.
                fields.add(ArrowFieldMapper.toField(column.name(), InferredType.TEXT));
                clashes.put(name, column.attributes());
            }
            else {
                fields.add(ArrowFieldMapper.toField(column.name(), ordered.get(column.attribute())));
                byColumn.put(name, column.attribute());
            }
        }
        return new Schema(fields, new TableSchemaMetadata(table, byColumn, Optional.empty(), Map.of(), clashes).toSchemaMetadata());
    }

    /** An empty table still shows its keys; an N key with no sample is read as DECIMAL(38,9). */
    private static InferredType keyTypeWithoutSample(String dynamoType)
    {
        switch (dynamoType) {
            case "N":
                return new InferredType.Decimal(1, ArrowFieldMapper.DEFAULT_DECIMAL_SCALE);
            case "B":
                return InferredType.BINARY;
            default:
                return InferredType.TEXT;
        }
    }
}
