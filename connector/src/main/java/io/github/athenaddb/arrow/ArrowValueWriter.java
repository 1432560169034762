package io.github.athenaddb.arrow;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Writes a Java value into a column vector, for any source: DynamoDB's coerced values
 * ({@code ddb.types.ValueCoercer}) and JDBC's ({@code jdbc.JdbcValueReader}) alike. Scalars go straight
 * into the vector; lists, structs and maps into their child vectors ({@link ComplexVectorWriter}). Nulls are
 * written explicitly: list and map vectors keep offsets per row, and a skipped row would
 * corrupt them. A TIMESTAMP (LocalDateTime) is stored as its milliseconds since 1970 at UTC, as
 * the SDK's BlockUtils stores one and DateMilliVector reads it back.
 */
public final class ArrowValueWriter
{
    /** Every integer of up to 18 digits is within a long. */
    private static final int MAX_LONG_DIGITS = 18;

    private ArrowValueWriter() {}

    public static void write(FieldVector vector, int row, Object value)
    {
        switch (vector.getMinorType()) {
            case VARCHAR, BIGINT, INT, SMALLINT, TINYINT, FLOAT8, FLOAT4, DECIMAL, BIT, VARBINARY, DATEDAY, DATEMILLI,
                    LIST, STRUCT, MAP -> {
                if (value == null) {
                    vector.setNull(row);
                    return;
                }
            }
            default -> throw new IllegalArgumentException("Column " + vector.getField().getName()
                    + " has type " + vector.getMinorType() + ", which this connector does not write");
        }
        switch (vector.getMinorType()) {
            case VARCHAR -> ((VarCharVector) vector).setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
            case BIGINT -> ((BigIntVector) vector).setSafe(row, (Long) value);
            case INT -> ((IntVector) vector).setSafe(row, (Integer) value);
            case SMALLINT -> ((SmallIntVector) vector).setSafe(row, (Short) value);
            case TINYINT -> ((TinyIntVector) vector).setSafe(row, (Byte) value);
            case FLOAT8 -> ((Float8Vector) vector).setSafe(row, (Double) value);
            case FLOAT4 -> ((Float4Vector) vector).setSafe(row, (Float) value);
            case DECIMAL -> writeDecimal((DecimalVector) vector, row, (BigDecimal) value);
            case BIT -> ((BitVector) vector).setSafe(row, ((Boolean) value) ? 1 : 0);
            case VARBINARY -> ((VarBinaryVector) vector).setSafe(row, (byte[]) value);
            case DATEDAY -> ((DateDayVector) vector).setSafe(row, (Integer) value);
            case DATEMILLI -> ((DateMilliVector) vector).setSafe(row, ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli());
            case MAP -> ComplexVectorWriter.writeMap((MapVector) vector, row, (Map<?, ?>) value);
            case LIST -> ComplexVectorWriter.writeList((ListVector) vector, row, (List<?>) value);
            default -> ComplexVectorWriter.writeStruct((StructVector) vector, row, (Map<?, ?>) value);
        }
    }

    /**
     * Arrow writes a BigDecimal by way of its unscaled value's byte array, reversed byte by byte;
     * an unscaled value of at most 18 digits fits a long, which Arrow writes as the same 16
     * bytes directly. Anything else (more digits, a scale or precision the vector would refuse)
     * takes Arrow's own path and checks.
     */
    private static void writeDecimal(DecimalVector vector, int row, BigDecimal value)
    {
        if (value.precision() <= MAX_LONG_DIGITS && value.scale() == vector.getScale()
                && value.precision() <= vector.getPrecision()) {
            // The unscaled value as a scale-0 BigDecimal and then a long: no BigInteger made on the way.
            vector.setSafe(row, value.scaleByPowerOfTen(value.scale()).longValueExact());
        }
        else {
            vector.setSafe(row, value);
        }
    }
}
