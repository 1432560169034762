package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ddb.TableDescription;
import io.github.athenaddb.ddb.TableSchemaMetadata;
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
        return infer(table, items, true);
    }

    /**
     * The schema of a PartiQL result: only the attributes the result holds, so a statement that
     * selects a few attributes does not grow empty key columns.
     */
    public static Schema inferResult(TableDescription table, List<Map<String, AttributeValue>> items)
    {
        return infer(table, items, false);
    }

    private static Schema infer(TableDescription table, List<Map<String, AttributeValue>> items, boolean withAllKeys)
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

        NameConflicts.requireUnique(ordered.keySet(), "table '" + table.name() + "'");
        List<Field> fields = new ArrayList<>();
        ordered.forEach((name, type) -> fields.add(ArrowFieldMapper.toField(name, type)));
        return new Schema(fields, TableSchemaMetadata.of(table, ordered.keySet()).toSchemaMetadata());
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
