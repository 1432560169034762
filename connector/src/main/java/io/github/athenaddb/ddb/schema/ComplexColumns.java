package io.github.athenaddb.ddb.schema;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How map, list and set attributes are shown. {@code native} (the default) keeps them as
 * {@code row(...)} and {@code array(...)}, faithful to the data; {@code json} shows them as
 * varchar holding JSON, for tools that cannot use nested types (QuickSight drops STRUCT, ARRAY
 * and MAP columns from a dataset). The varchar coercion already writes M, L and sets as JSON, so
 * only the schema changes.
 */
public enum ComplexColumns
{
    NATIVE, JSON;

    public static final String SETTING = "complex_columns";
    /** The same, per table, as a Glue table property. */
    public static final String TABLE_PROPERTY = "complexColumns";

    public static ComplexColumns fromConfig(Map<String, String> env)
    {
        return parse(env.getOrDefault(SETTING, "native"), "Invalid configuration " + SETTING);
    }

    public static ComplexColumns parse(String value, String where)
    {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "native":
                return NATIVE;
            case "json":
                return JSON;
            default:
                throw new IllegalArgumentException(where + "='" + value + "': expected native or json");
        }
    }

    public Schema apply(Schema schema)
    {
        if (this == NATIVE) {
            return schema;
        }
        List<Field> fields = new ArrayList<>();
        for (Field f : schema.getFields()) {
            boolean nested = f.getType() instanceof ArrowType.Struct || f.getType() instanceof ArrowType.List
                    || f.getType() instanceof ArrowType.Map;
            fields.add(nested ? new Field(f.getName(), new FieldType(true, ArrowType.Utf8.INSTANCE, null, f.getMetadata()), null) : f);
        }
        return new Schema(fields, schema.getCustomMetadata());
    }
}
