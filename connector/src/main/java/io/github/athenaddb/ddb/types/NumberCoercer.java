package io.github.athenaddb.ddb.types;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static io.github.athenaddb.ddb.types.ValueCoercer.describe;
import static io.github.athenaddb.ddb.types.ValueCoercer.misfit;

/**
 * The numeric columns of {@link ValueCoercer}: each takes N, and S holding a number.
 * TINYINT, SMALLINT, INTEGER and BIGINT take an integer within their range (Byte, Short,
 * Integer, Long); REAL and DOUBLE take any number, rounded to the nearest float or double
 * (Float, Double); DECIMAL(p,s) rounds extra fractional digits half-even.
 */
final class NumberCoercer
{
    /** Past these, a number held in S is beyond anything DynamoDB or a column holds (N stops at 10^126). */
    private static final int MAX_TEXT = 1000;
    private static final int MAX_MAGNITUDE = 400;

    private NumberCoercer() {}

    static Object toInteger(ArrowType.Int type, AttributeValue value, String path, Misfits misfits)
    {
        int bits = type.getBitWidth();
        // Most integers are short plain digits: read them without a BigDecimal (the hot path of a scan).
        String text = value.type() == AttributeValue.Type.N ? value.n()
                : value.type() == AttributeValue.Type.S && value.s().length() <= MAX_TEXT ? value.s().trim() : null;
        if (text != null && PlainNumberText.isPlainLong(text)) {
            long exact = Long.parseLong(text);
            if (bits == 64 || (exact >= -(1L << (bits - 1)) && exact < (1L << (bits - 1)))) {
                return boxed(exact, bits);
            }
        }
        String column = integerColumn(bits);
        BigDecimal number = numberOf(value);
        if (number == null) {
            return misfit(value, column, path, misfits);
        }
        BigDecimal integral = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        if (integral.scale() > 0 || integral.toBigInteger().bitLength() >= bits) {
            misfits.report(path, "number " + describe(value) + " is not " + (bits == 8 ? "an " : "a ") + bits + "-bit integer"
                    + (bits == 64 ? "" : ", " + -(1L << (bits - 1)) + " to " + ((1L << (bits - 1)) - 1))
                    + " (column is " + column + "); read as null");
            return null;
        }
        return boxed(integral.longValueExact(), bits);
    }

    private static Object boxed(long exact, int bits)
    {
        return switch (bits) {
            case 8 -> (byte) exact;
            case 16 -> (short) exact;
            case 32 -> (int) exact;
            default -> exact;
        };
    }

    static String integerColumn(int bits)
    {
        return switch (bits) {
            case 8 -> "TINYINT";
            case 16 -> "SMALLINT";
            case 32 -> "INTEGER";
            default -> "BIGINT";
        };
    }

    static Object toFloatingPoint(ArrowType.FloatingPoint type, AttributeValue value, String path, Misfits misfits)
    {
        boolean single = type.getPrecision() == FloatingPointPrecision.SINGLE;
        String column = single ? "REAL" : "DOUBLE";
        BigDecimal number = numberOf(value);
        if (number == null) {
            return misfit(value, column, path, misfits);
        }
        Object rounded = single ? (Object) number.floatValue() : (Object) number.doubleValue();
        if (single ? Float.isInfinite((Float) rounded) : Double.isInfinite((Double) rounded)) {
            misfits.report(path, "number " + describe(value) + " is too large for a " + column + " column; read as null");
            return null;
        }
        return rounded;
    }

    static Object toDecimal(ArrowType.Decimal type, AttributeValue value, String path, Misfits misfits)
    {
        if (value.type() == AttributeValue.Type.N) {
            // Most decimals are plain digits that fit the scale: no parse, no rounding to check.
            BigDecimal plain = PlainNumberText.atScale(value.n(), type.getScale());
            if (plain != null && plain.precision() <= type.getPrecision()) {
                return plain;
            }
        }
        BigDecimal number = numberOf(value);
        if (number == null) {
            return misfit(value, "DECIMAL", path, misfits);
        }
        BigDecimal scaled = number.setScale(type.getScale(), RoundingMode.HALF_EVEN);
        if (scaled.precision() > type.getPrecision()) {
            misfits.report(path, "number " + describe(value) + " has too many integer digits for DECIMAL("
                    + type.getPrecision() + "," + type.getScale() + "); read as null");
            return null;
        }
        if (scaled.compareTo(number) != 0) {
            misfits.adjusted(path, "number " + describe(value) + " rounded half-even to " + type.getScale()
                    + " fractional digits (column is DECIMAL(" + type.getPrecision() + "," + type.getScale() + "))");
        }
        return scaled;
    }

    /** The number in N, or in S (trimmed); null for anything else. */
    static BigDecimal numberOf(AttributeValue value)
    {
        if (value.type() == AttributeValue.Type.N) {
            return new BigDecimal(value.n());
        }
        if (value.type() == AttributeValue.Type.S && value.s().length() <= MAX_TEXT) {
            try {
                BigDecimal number = new BigDecimal(value.s().trim());
                boolean sane = number.scale() <= MAX_MAGNITUDE && number.precision() - number.scale() <= MAX_MAGNITUDE;
                return sane ? number : null;
            }
            catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
