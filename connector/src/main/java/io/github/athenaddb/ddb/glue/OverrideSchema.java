package io.github.athenaddb.ddb.glue;

import io.github.athenaddb.ddb.TableDescription;
import io.github.athenaddb.ddb.TableSchemaMetadata;
import io.github.athenaddb.ddb.schema.SchemaInference;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Arrow schema of a Glue-defined table: the declared columns, or for a view without
 * columns those inferred from the view's own items; each column reads the attribute
 * {@code columnMapping} names, else the attribute of the same name ignoring case (DynamoDB names
 * are case-sensitive, Glue's and Athena's are lower-case).
 */
public final class OverrideSchema
{
    private OverrideSchema() {}

    /** @param sample items of the table (of the view's entity only, for a view) */
    public static Schema build(TableOverride override, TableDescription table, List<Map<String, AttributeValue>> sample)
    {
        Map<String, String> attributes = knownAttributes(table, sample);
        List<Field> fields = new ArrayList<>();
        Map<String, String> byColumn = new HashMap<>();
        Map<String, Map<String, String>> columnMetadata = new HashMap<>();
        if (!override.columns().isEmpty()) {
            for (Field column : override.columns()) {
                fields.add(column);
                byColumn.put(column.getName(), attributeFor(column.getName(), override, attributes));
                if (column.getMetadata() != null && !column.getMetadata().isEmpty()) {
                    columnMetadata.put(column.getName(), column.getMetadata());
                }
            }
        }
        else {
            Schema inferred = SchemaInference.infer(table, sample);
            Map<String, String> renames = new HashMap<>();
            override.columnMapping().forEach((column, attribute) -> renames.put(attribute, column));
            for (Field f : inferred.getFields()) {
                String attribute = f.getName();
                String column = renames.getOrDefault(attribute, attribute.toLowerCase(Locale.ROOT));
                fields.add(new Field(column, f.getFieldType(), f.getChildren()));
                byColumn.put(column, attribute);
            }
        }
        TableSchemaMetadata metadata = new TableSchemaMetadata(table, byColumn, override.entity(), columnMetadata);
        return new Schema(fields, metadata.toSchemaMetadata());
    }

    private static String attributeFor(String column, TableOverride override, Map<String, String> attributes)
    {
        String mapped = override.columnMapping().get(column);
        if (mapped != null) {
            return mapped;
        }
        return attributes.getOrDefault(column, column);
    }

    /** Attribute names seen in the sample or declared as keys, by lower-cased name. */
    private static Map<String, String> knownAttributes(TableDescription table, List<Map<String, AttributeValue>> sample)
    {
        Set<String> names = new LinkedHashSet<>();
        table.keyAttributes().forEach(k -> names.add(k.name()));
        table.attributeTypes().keySet().forEach(names::add);
        sample.forEach(item -> names.addAll(item.keySet()));
        Map<String, String> byLower = new HashMap<>();
        names.forEach(n -> byLower.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        return byLower;
    }
}
