package io.github.athenaddb.ddb.schema;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an inferred attribute type into the Arrow field Athena sees. The rules (also in README):
 * S → VARCHAR; N → BIGINT when every sampled value is integral and fits 64 bits, else
 * DECIMAL(38, s) with s = 9, or more when the sample has more fractional digits, as long as the
 * largest integer part still fits; B → VARBINARY; BOOL → BIT; SS/NS/BS → LIST; L → LIST when its
 * elements agree, else JSON VARCHAR; M → STRUCT (an M never seen with a field → JSON VARCHAR);
 * values of different kinds → VARCHAR. DOUBLE is never used: it would round numbers silently.
 */
public final class ArrowFieldMapper
{
    public static final int DECIMAL_PRECISION = 38;
    public static final int DEFAULT_DECIMAL_SCALE = 9;
    /** Arrow's list child name; Athena reads the child by position, not name. */
    static final String LIST_ITEM = "item";

    private ArrowFieldMapper() {}

    public static Field toField(String name, InferredType type)
    {
        if (type instanceof InferredType.Integral) {
            return scalar(name, new ArrowType.Int(64, true));
        }
        if (type instanceof InferredType.Decimal d) {
            return scalar(name, new ArrowType.Decimal(DECIMAL_PRECISION, decimalScale(d), 128));
        }
        if (type instanceof InferredType.Bool) {
            return scalar(name, ArrowType.Bool.INSTANCE);
        }
        if (type instanceof InferredType.Binary) {
            return scalar(name, ArrowType.Binary.INSTANCE);
        }
        if (type instanceof InferredType.ListOf list) {
            InferredType element = list.element() instanceof InferredType.Null ? InferredType.TEXT : list.element();
            return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(toField(LIST_ITEM, element)));
        }
        if (type instanceof InferredType.Struct struct && !struct.fields().isEmpty()) {
            NameConflicts.requireUnique(struct.fields().keySet(), "map attribute '" + name + "'");
            List<Field> children = new ArrayList<>();
            for (Map.Entry<String, InferredType> e : struct.fields().entrySet()) {
                children.add(toField(e.getKey(), e.getValue()));
            }
            return new Field(name, FieldType.nullable(ArrowType.Struct.INSTANCE), children);
        }
        // Text, Null, Mixed and empty maps.
        return scalar(name, ArrowType.Utf8.INSTANCE);
    }

    static int decimalScale(InferredType.Decimal d)
    {
        int room = Math.max(0, DECIMAL_PRECISION - d.integerDigits());
        return Math.min(Math.max(DEFAULT_DECIMAL_SCALE, d.scale()), room);
    }

    private static Field scalar(String name, ArrowType type)
    {
        return new Field(name, FieldType.nullable(type), null);
    }
}
