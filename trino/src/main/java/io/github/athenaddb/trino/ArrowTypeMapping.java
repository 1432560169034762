package io.github.athenaddb.trino;

import io.trino.spi.type.ArrayType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Decimals;
import io.trino.spi.type.MapType;
import io.trino.spi.type.RowType;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeManager;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MILLIS;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * The Trino type of an Arrow field, as Athena reads the federation SDK's types: Date(MILLISECOND)
 * is the SDK's timestamp (a wall clock in UTC, millisecond precision), Date(DAY) a date; Struct,
 * List and Map nest. A type Athena has no counterpart for (unsigned integers, intervals, ...) has
 * none here either.
 */
public final class ArrowTypeMapping
{
    private final TypeManager typeManager;

    public ArrowTypeMapping(TypeManager typeManager)
    {
        this.typeManager = requireNonNull(typeManager, "typeManager is null");
    }

    public Optional<Type> toTrino(Field field)
    {
        ArrowType type = field.getType();
        return switch (type.getTypeID()) {
            case Utf8, LargeUtf8 -> Optional.of(VARCHAR);
            case Binary, LargeBinary -> Optional.of(VARBINARY);
            case Bool -> Optional.of(BOOLEAN);
            case Int -> integer((ArrowType.Int) type);
            case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.DOUBLE ? Optional.of(DOUBLE)
                    : ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.SINGLE ? Optional.of(REAL) : Optional.empty();
            case Decimal -> decimal((ArrowType.Decimal) type);
            case Date -> Optional.of(((ArrowType.Date) type).getUnit() == DateUnit.DAY ? DATE : TIMESTAMP_MILLIS);
            case List -> toTrino(field.getChildren().get(0)).map(ArrayType::new);
            case Struct -> row(field);
            case Map -> map(field);
            default -> Optional.empty();
        };
    }

    private static Optional<Type> integer(ArrowType.Int type)
    {
        if (!type.getIsSigned()) {
            return Optional.empty();
        }
        return switch (type.getBitWidth()) {
            case 8 -> Optional.of(TINYINT);
            case 16 -> Optional.of(SMALLINT);
            case 32 -> Optional.of(INTEGER);
            case 64 -> Optional.of(BIGINT);
            default -> Optional.empty();
        };
    }

    private static Optional<Type> decimal(ArrowType.Decimal type)
    {
        if (type.getPrecision() < 1 || type.getPrecision() > Decimals.MAX_PRECISION || type.getScale() < 0 || type.getScale() > type.getPrecision()) {
            return Optional.empty();
        }
        return Optional.of(DecimalType.createDecimalType(type.getPrecision(), type.getScale()));
    }

    /** A struct is a row only if every field has a type; a row with a field missing would misread positions. */
    private Optional<Type> row(Field field)
    {
        if (field.getChildren().isEmpty()) {
            return Optional.empty();
        }
        List<RowType.Field> fields = new ArrayList<>();
        for (Field child : field.getChildren()) {
            Optional<Type> childType = toTrino(child);
            if (childType.isEmpty()) {
                return Optional.empty();
            }
            fields.add(RowType.field(child.getName(), childType.get()));
        }
        return Optional.of(RowType.from(fields));
    }

    /** Arrow's map is a list of {@code entries} structs of a key and a value. */
    private Optional<Type> map(Field field)
    {
        List<Field> entry = field.getChildren().get(0).getChildren();
        Optional<Type> key = toTrino(entry.get(0));
        Optional<Type> value = toTrino(entry.get(1));
        if (key.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MapType(key.get(), value.get(), typeManager.getTypeOperators()));
    }
}
