package io.github.athenaddb.local;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.Locale;
import java.util.stream.Collectors;

/** The SQL type Athena shows for an Arrow field: varchar, bigint, decimal(38,9), array(...), row(...). */
final class SqlTypeNames
{
    private SqlTypeNames() {}

    static String of(Field field)
    {
        ArrowType type = field.getType();
        switch (type.getTypeID()) {
            case Utf8:
                return "varchar";
            case Int:
                return ((ArrowType.Int) type).getBitWidth() == 64 ? "bigint" : "integer";
            case Decimal:
                ArrowType.Decimal d = (ArrowType.Decimal) type;
                return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
            case Bool:
                return "boolean";
            case Binary:
                return "varbinary";
            case FloatingPoint:
                return "double";
            case List:
                return "array(" + of(field.getChildren().get(0)) + ")";
            case Struct:
                return field.getChildren().stream().map(c -> c.getName() + " " + of(c))
                        .collect(Collectors.joining(", ", "row(", ")"));
            default:
                return type.toString().toLowerCase(Locale.ROOT);
        }
    }
}
