package io.github.athenaddb.ddb.schema;

import org.apache.arrow.vector.types.FloatingPointPrecision;
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
 * largest integer part still fits; DOUBLE, marked lossy, when no DECIMAL(38, s) holds the widest
 * integer part and the longest fraction together; B → VARBINARY; BOOL → BIT; SS/NS/BS → LIST; L → LIST when its
 * elements agree, else JSON VARCHAR; M → STRUCT (an M never seen with a field → JSON VARCHAR);
 * values of different kinds → VARCHAR. DOUBLE is used only where a DECIMAL would change a magnitude.
 */
public final class ArrowFieldMapper
{
    public static final int DECIMAL_PRECISION = 38;
    public static final int DEFAULT_DECIMAL_SCALE = 9;
    /** Field metadata naming how a column's values are read with less precision than stored. */
    public static final String LOSSY_METADATA = "ddb.lossy";
    /** Arrow's list child name; Athena reads the child by position, not name. */
    static final String LIST_ITEM = "item";

    private ArrowFieldMapper() {}

    public static Field toField(String name, InferredType type)
    {
        if (type instanceof InferredType.Integral) {
            return scalar(name, new ArrowType.Int(64, true));
        }
        if (type instanceof InferredType.Decimal d) {
            if (!fitsDecimal(d)) {
                return lossyDouble(name, d);
            }
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

    /** Whether one DECIMAL(38, s) holds every sampled value exactly: the widest integer part and the longest fraction together. */
    static boolean fitsDecimal(InferredType.Decimal d)
    {
        return d.integerDigits() + d.scale() <= DECIMAL_PRECISION;
    }

    /**
     * Numbers no DECIMAL(38, s) holds together (38-digit integers beside fractions, 1E-130): a
     * DECIMAL would read them with another magnitude (0) or as NULL; DOUBLE keeps every
     * magnitude DynamoDB stores (1E-130 to 1E+126) and rounds to 17 significant digits. The field
     * says so in its metadata ({@value #LOSSY_METADATA}), which GetTable returns and explain shows.
     */
    private static Field lossyDouble(String name, InferredType.Decimal d)
    {
        String note = "DOUBLE, rounded to 17 significant digits: sampled numbers have up to " + d.integerDigits()
                + " integer and " + d.scale() + " fractional digits, more than DECIMAL(38) holds together;"
                + " a Glue column of type string reads them exactly";
        return new Field(name, new FieldType(true, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null,
                Map.of(LOSSY_METADATA, note)), null);
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
