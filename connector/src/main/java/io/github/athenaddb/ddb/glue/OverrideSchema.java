package io.github.athenaddb.ddb.glue;

import io.github.athenaddb.ddb.table.TableDescription;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
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
 * are case-sensitive, Glue's and Athena's are lower-case). A column that several attributes match
 * only ignoring case, none of them named in {@code columnMapping}, cannot be read (see
 * {@link io.github.athenaddb.ddb.table.CaseClashes}).
 */
public final class OverrideSchema
{
    private OverrideSchema() {}

    /** @param sample items of the table (of the view's entity only, for a view) */
    public static Schema build(TableOverride override, TableDescription table, List<Map<String, AttributeValue>> sample)
    {
        List<Field> fields = new ArrayList<>();
        Map<String, String> byColumn = new HashMap<>();
        Map<String, List<String>> clashes = new HashMap<>();
        Map<String, Map<String, String>> columnMetadata = new HashMap<>();
        if (!override.columns().isEmpty()) {
            Map<String, List<String>> attributes = knownAttributes(table, sample);
            for (Field column : override.columns()) {
                fields.add(column);
                String mapped = override.columnMapping().get(column.getName());
                List<String> matching = attributes.getOrDefault(column.getName(), List.of());
                if (matching.size() > 1) {
                    // An attribute columnMapping gives to another column is not this one's too.
                    matching = matching.stream().filter(a -> !override.columnMapping().containsValue(a)).toList();
                }
                if (mapped == null && matching.size() > 1) {
                    clashes.put(column.getName(), matching);
                }
                else {
                    byColumn.put(column.getName(), mapped != null ? mapped : matching.isEmpty() ? column.getName() : matching.get(0));
                }
                if (column.getMetadata() != null && !column.getMetadata().isEmpty()) {
                    columnMetadata.put(column.getName(), column.getMetadata());
                }
            }
        }
        else {
            Map<String, String> renames = new HashMap<>();
            override.columnMapping().forEach((column, attribute) -> renames.put(attribute, column));
            Schema inferred = SchemaInference.infer(table, sample, renames);
            TableSchemaMetadata columns = TableSchemaMetadata.fromSchemaMetadata(inferred.getCustomMetadata(), override.name());
            inferred.getFields().forEach(f -> fields.add(new Field(f.getName().toLowerCase(Locale.ROOT), f.getFieldType(), f.getChildren())));
            byColumn.putAll(columns.attributesByColumn());
            clashes.putAll(columns.clashes());
        }
        TableSchemaMetadata metadata = new TableSchemaMetadata(table, byColumn, override.entity(), columnMetadata, clashes);
        return new Schema(fields, metadata.toSchemaMetadata());
    }

    /** Attribute names seen in the sample or declared as keys, by lower-cased name (sorted). */
    private static Map<String, List<String>> knownAttributes(TableDescription table, List<Map<String, AttributeValue>> sample)
    {
        Set<String> names = new LinkedHashSet<>();
        table.keyAttributes().forEach(k -> names.add(k.name()));
        table.attributeTypes().keySet().forEach(names::add);
        sample.forEach(item -> names.addAll(item.keySet()));
        Map<String, List<String>> byLower = new HashMap<>();
        names.stream().sorted().forEach(n -> byLower.computeIfAbsent(n.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(n));
        return byLower;
    }
}
