package io.github.athenaddb.trino;

import io.airlift.slice.Slices;
import io.trino.spi.block.ArrayBlockBuilder;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.MapBlockBuilder;
import io.trino.spi.block.RowBlockBuilder;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.MapType;
import io.trino.spi.type.RowType;
import io.trino.spi.type.Type;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

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

/**
 * Writes one Arrow value into a Trino block builder, as the column's Trino type
 * ({@link ArrowTypeMapping}) stores it: timestamps as microseconds, REAL as float bits, short
 * decimals as their unscaled long; lists, maps and structs element by element.
 */
final class ArrowValueWriter
{
    private ArrowValueWriter() {}

    static void write(ValueVector vector, int index, Type type, BlockBuilder out)
    {
        if (vector.isNull(index)) {
            out.appendNull();
            return;
        }
        switch (vector) {
            case VarCharVector v -> VARCHAR.writeSlice(out, Slices.wrappedBuffer(v.get(index)));
            case VarBinaryVector v -> VARBINARY.writeSlice(out, Slices.wrappedBuffer(v.get(index)));
            case BitVector v -> BOOLEAN.writeBoolean(out, v.get(index) == 1);
            case BigIntVector v -> BIGINT.writeLong(out, v.get(index));
            case IntVector v -> INTEGER.writeLong(out, v.get(index));
            case SmallIntVector v -> SMALLINT.writeLong(out, v.get(index));
            case TinyIntVector v -> TINYINT.writeLong(out, v.get(index));
            case Float8Vector v -> DOUBLE.writeDouble(out, v.get(index));
            case Float4Vector v -> REAL.writeLong(out, Float.floatToRawIntBits(v.get(index)));
            case DecimalVector v -> writeDecimal(v.getObject(index), (DecimalType) type, out);
            case DateDayVector v -> DATE.writeLong(out, v.get(index));
            // The SDK's timestamp: milliseconds of a UTC wall clock; Trino's timestamp(3): microseconds.
            case DateMilliVector v -> TIMESTAMP_MILLIS.writeLong(out, Math.multiplyExact(v.get(index), 1000L));
            case MapVector v -> writeMap(v, index, (MapType) type, (MapBlockBuilder) out);
            case ListVector v -> writeArray(v, index, (ArrayType) type, (ArrayBlockBuilder) out);
            case StructVector v -> writeRow(v, index, (RowType) type, (RowBlockBuilder) out);
            default -> throw new IllegalArgumentException("No Trino value for Arrow vector " + vector.getClass().getSimpleName()
                    + " of field " + vector.getField());
        }
    }

    private static void writeDecimal(BigDecimal value, DecimalType type, BlockBuilder out)
    {
        BigDecimal scaled = value.setScale(type.getScale());
        if (type.isShort()) {
            type.writeLong(out, scaled.unscaledValue().longValueExact());
        }
        else {
            type.writeObject(out, Int128.valueOf(scaled.unscaledValue()));
        }
    }

    private static void writeArray(ListVector list, int index, ArrayType type, ArrayBlockBuilder out)
    {
        ValueVector elements = list.getDataVector();
        int start = list.getElementStartIndex(index);
        int end = list.getElementEndIndex(index);
        out.buildEntry(elementBuilder -> {
            for (int i = start; i < end; i++) {
                write(elements, i, type.getElementType(), elementBuilder);
            }
        });
    }

    /** Arrow's map: a list of {@code entries} structs, each a key and a value. */
    private static void writeMap(MapVector map, int index, MapType type, MapBlockBuilder out)
    {
        StructVector entries = (StructVector) map.getDataVector();
        ValueVector keys = entries.getChildByOrdinal(0);
        ValueVector values = entries.getChildByOrdinal(1);
        int start = map.getElementStartIndex(index);
        int end = map.getElementEndIndex(index);
        out.buildEntry((keyBuilder, valueBuilder) -> {
            for (int i = start; i < end; i++) {
                write(keys, i, type.getKeyType(), keyBuilder);
                write(values, i, type.getValueType(), valueBuilder);
            }
        });
    }

    private static void writeRow(StructVector struct, int index, RowType type, RowBlockBuilder out)
    {
        List<RowType.Field> fields = type.getFields();
        out.buildEntry(fieldBuilders -> {
            for (int f = 0; f < fields.size(); f++) {
                RowType.Field field = fields.get(f);
                ValueVector child = child(struct, field.getName().orElseThrow());
                if (child == null) {
                    fieldBuilders.get(f).appendNull();
                }
                else {
                    write(child, index, field.getType(), fieldBuilders.get(f));
                }
            }
        });
    }

    /** The struct's field by name, ignoring case: the row type's names are lower-cased as Athena's are. */
    private static ValueVector child(StructVector struct, String name)
    {
        ValueVector exact = struct.getChild(name);
        if (exact != null) {
            return exact;
        }
        for (ValueVector child : struct.getChildrenFromFields()) {
            if (child.getName().toLowerCase(Locale.ROOT).equals(name)) {
                return child;
            }
        }
        return null;
    }
}
