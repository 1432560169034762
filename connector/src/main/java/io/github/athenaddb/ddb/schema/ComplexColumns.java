package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import io.github.athenaddb.ddb.types.ItemRowWriter;
import io.github.athenaddb.ddb.types.NestedPath;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How map, list and set attributes are shown. {@code native} (the default) keeps them as
 * {@code row(...)} and {@code array(...)}, faithful to the data. For tools that cannot use
 * nested types (QuickSight drops STRUCT, ARRAY and MAP columns from a dataset):
 * <ul>
 * <li>{@code json}: each is a varchar column holding JSON (the varchar coercion already writes
 *     M, L and sets as JSON, so only the schema changes);</li>
 * <li>{@code flatten}: a map's fields become columns of their own, {@code address_city}, down to
 *     {@code depth} levels; lists, sets and deeper maps are JSON varchar.</li>
 * </ul>
 */
public record ComplexColumns(Mode mode, int depth)
{
    public enum Mode { NATIVE, JSON, FLATTEN }

    public static final String SETTING = "complex_columns";
    public static final String DEPTH_SETTING = "complex_columns_depth";
    /** The same, per table, as a Glue table property. */
    public static final String TABLE_PROPERTY = "complexColumns";
    public static final ComplexColumns NATIVE = new ComplexColumns(Mode.NATIVE, 0);
    static final int DEFAULT_DEPTH = 2;
    /** A Glue table's complexColumns flattens to the default depth. */
    public static final int DEFAULT_DEPTH_FOR_TABLES = DEFAULT_DEPTH;

    public static ComplexColumns fromConfig(Map<String, String> env)
    {
        String depth = env.getOrDefault(DEPTH_SETTING, Integer.toString(DEFAULT_DEPTH)).trim();
        int levels;
        try {
            levels = Integer.parseInt(depth);
        }
        catch (NumberFormatException e) {
            levels = -1;
        }
        if (levels < 1 || levels > 10) {
            throw new IllegalArgumentException("Invalid configuration " + DEPTH_SETTING + "='" + depth + "': expected an integer from 1 to 10");
        }
        return parse(env.getOrDefault(SETTING, "native"), "Invalid configuration " + SETTING, levels);
    }

    public static ComplexColumns parse(String value, String where, int depth)
    {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "native":
                return new ComplexColumns(Mode.NATIVE, depth);
            case "json":
                return new ComplexColumns(Mode.JSON, depth);
            case "flatten":
                return new ComplexColumns(Mode.FLATTEN, depth);
            default:
                throw new IllegalArgumentException(where + "='" + value + "': expected native, json or flatten");
        }
    }

    public Schema apply(Schema schema)
    {
        if (mode == Mode.NATIVE) {
            return schema;
        }
        TableSchemaMetadata metadata = TableSchemaMetadata.fromSchemaMetadata(schema.getCustomMetadata(), "");
        List<Field> fields = new ArrayList<>();
        Map<String, String> attributes = new HashMap<>(metadata.attributesByColumn());
        Map<String, Map<String, String>> columnMetadata = new HashMap<>(metadata.columnMetadata());
        for (Field f : schema.getFields()) {
            if (mode == Mode.FLATTEN && f.getType() instanceof ArrowType.Struct) {
                String attribute = metadata.attributeFor(f.getName());
                attributes.remove(f.getName().toLowerCase(Locale.ROOT));
                Map<String, List<String>> flat = new LinkedHashMap<>();
                Map<String, Field> flatFields = new LinkedHashMap<>();
                flatten(f, f.getName().toLowerCase(Locale.ROOT), List.of(attribute), 1, flat, flatFields);
                flatFields.forEach((column, field) -> {
                    if (attributes.containsKey(column) || metadata.clashes().containsKey(column)
                            || fields.stream().anyMatch(x -> x.getName().equalsIgnoreCase(column))) {
                        throw ConnectorException.invalidInput("Table " + metadata.table().name() + ": flattened column '" + column
                                + "' (from " + String.join(".", flat.get(column)) + ") has the name of another column; "
                                + "use complex_columns=json for this table, or rename with a Glue table");
                    }
                    fields.add(field);
                    attributes.put(column, attribute);
                    columnMetadata.put(column, Map.of(ItemRowWriter.PATH_METADATA, NestedPath.write(flat.get(column))));
                });
            }
            else {
                fields.add(nested(f) ? json(f, f.getName()) : f);
            }
        }
        TableSchemaMetadata updated = new TableSchemaMetadata(metadata.table(), attributes, metadata.entity(), columnMetadata,
                metadata.clashes());
        return new Schema(fields, updated.toSchemaMetadata());
    }

    private void flatten(Field struct, String prefix, List<String> path, int level, Map<String, List<String>> paths, Map<String, Field> out)
    {
        for (Field child : struct.getChildren()) {
            String column = prefix + "_" + child.getName().toLowerCase(Locale.ROOT);
            List<String> childPath = new ArrayList<>(path);
            childPath.add(child.getName());
            if (child.getType() instanceof ArrowType.Struct && level < depth) {
                flatten(child, column, childPath, level + 1, paths, out);
                continue;
            }
            paths.put(column, childPath);
            Map<String, String> pathMetadata = Map.of(ItemRowWriter.PATH_METADATA, NestedPath.write(childPath));
            out.put(column, nested(child) ? json(child, column, pathMetadata)
                    : new Field(column, new FieldType(true, child.getType(), null, pathMetadata), child.getChildren()));
        }
    }

    private static boolean nested(Field f)
    {
        return f.getType() instanceof ArrowType.Struct || f.getType() instanceof ArrowType.List || f.getType() instanceof ArrowType.Map;
    }

    private static Field json(Field f, String name)
    {
        return new Field(name, new FieldType(true, ArrowType.Utf8.INSTANCE, null, f.getMetadata()), null);
    }

    private static Field json(Field f, String name, Map<String, String> metadata)
    {
        return new Field(name, new FieldType(true, ArrowType.Utf8.INSTANCE, null, metadata), null);
    }
}
