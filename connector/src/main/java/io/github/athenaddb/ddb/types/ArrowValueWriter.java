package io.github.athenaddb.ddb.types;

import com.amazonaws.athena.connector.lambda.data.BlockUtils;
import com.amazonaws.athena.connector.lambda.data.FieldResolver;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a coerced value (see {@link ValueCoercer}) into a column vector. Scalars go straight
 * into the vector; lists and structs go through the SDK's complex writer. Nulls are written
 * explicitly: list vectors keep offsets per row, and a skipped row would corrupt them.
 */
public final class ArrowValueWriter
{
    /** Struct values are maps keyed by the Arrow child name. */
    private static final FieldResolver STRUCT_FIELDS = (field, value) -> ((Map<?, ?>) value).get(field.getName());

    private ArrowValueWriter() {}

    public static void write(FieldVector vector, int row, Object value)
    {
        switch (vector.getMinorType()) {
            case VARCHAR -> {
                VarCharVector v = (VarCharVector) vector;
                if (value == null) {
                    v.setNull(row);
                }
                else {
                    v.setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
                }
            }
            case BIGINT -> {
                BigIntVector v = (BigIntVector) vector;
                if (value == null) {
                    v.setNull(row);
                }
                else {
                    v.setSafe(row, (Long) value);
                }
            }
            case DECIMAL -> {
                DecimalVector v = (DecimalVector) vector;
                if (value == null) {
                    v.setNull(row);
                }
                else {
                    v.setSafe(row, (BigDecimal) value);
                }
            }
            case BIT -> {
                BitVector v = (BitVector) vector;
                if (value == null) {
                    v.setNull(row);
                }
                else {
                    v.setSafe(row, ((Boolean) value) ? 1 : 0);
                }
            }
            case VARBINARY -> {
                VarBinaryVector v = (VarBinaryVector) vector;
                if (value == null) {
                    v.setNull(row);
                }
                else {
                    v.setSafe(row, (byte[]) value);
                }
            }
            case LIST -> {
                if (value == null) {
                    ((ListVector) vector).setNull(row);
                }
                else {
                    BlockUtils.setComplexValue(vector, row, STRUCT_FIELDS, value);
                }
            }
            case STRUCT -> {
                if (value == null) {
                    ((StructVector) vector).setNull(row);
                }
                else {
                    BlockUtils.setComplexValue(vector, row, STRUCT_FIELDS, value);
                }
            }
            default -> throw new IllegalArgumentException("Column " + vector.getField().getName()
                    + " has type " + vector.getMinorType() + ", which this connector does not write");
        }
    }
}
