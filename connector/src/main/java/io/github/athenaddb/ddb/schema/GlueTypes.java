package io.github.athenaddb.ddb.schema;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.Locale;

/** Placeholder until the full Glue type parser lands: scalar types only. */
public final class GlueTypes
{
    private GlueTypes() {}

    public static Field toField(String columnName, String glueType)
    {
        String t = glueType.trim().toLowerCase(Locale.ROOT);
        ArrowType type = switch (t) {
            case "string" -> ArrowType.Utf8.INSTANCE;
            case "bigint" -> new ArrowType.Int(64, true);
            case "int" -> new ArrowType.Int(32, true);
            case "double" -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case "boolean" -> ArrowType.Bool.INSTANCE;
            case "date" -> new ArrowType.Date(DateUnit.DAY);
            case "timestamp" -> new ArrowType.Date(DateUnit.MILLISECOND);
            default -> {
                if (t.startsWith("decimal(")) {
                    String[] ps = t.substring(8, t.length() - 1).split(",");
                    yield new ArrowType.Decimal(Integer.parseInt(ps[0].trim()), Integer.parseInt(ps[1].trim()), 128);
                }
                throw new IllegalArgumentException("type '" + glueType + "' is not a supported Glue type");
            }
        };
        return new Field(columnName, FieldType.nullable(type), null);
    }
}
