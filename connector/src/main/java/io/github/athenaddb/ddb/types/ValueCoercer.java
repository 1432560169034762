package io.github.athenaddb.ddb.types;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a DynamoDB value to the Java value its Arrow column holds: String, Long, BigDecimal,
 * Boolean, byte[], List or Map (struct fields by Arrow child name). The coercions, also listed
 * in README:
 * <ul>
 * <li>VARCHAR takes anything: S as is, N as its decimal text, BOOL as true/false, B as base64,
 *     M, L and sets as JSON.</li>
 * <li>BIGINT takes integral N within 64 bits, and S holding such a number ("42").</li>
 * <li>DECIMAL takes N, and S holding a number; more fractional digits than the column's scale
 *     are rounded half-even (reported); an integer part too wide for the column is not.</li>
 * <li>BIT takes BOOL, S "true"/"false" (any case), and N 0 or 1.</li>
 * <li>VARBINARY takes B. LIST takes L and sets; STRUCT takes M.</li>
 * </ul>
 * Anything else is a misfit: the value becomes null and {@link Misfits} hears of it. A value is
 * never truncated or guessed.
 */
public final class ValueCoercer
{
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private ValueCoercer() {}

    public static Object coerce(Field field, AttributeValue value, String path, Misfits misfits)
    {
        if (value == null || value.type() == AttributeValue.Type.NUL) {
            return null;
        }
        ArrowType type = field.getType();
        switch (type.getTypeID()) {
            case Utf8:
                return toText(value);
            case Int:
                return toLong(value, path, misfits);
            case Decimal:
                return toDecimal((ArrowType.Decimal) type, value, path, misfits);
            case Bool:
                return toBoolean(value, path, misfits);
            case Binary:
                return value.type() == AttributeValue.Type.B ? value.b().asByteArray() : misfit(value, "VARBINARY", path, misfits);
            case List:
                return toList(field.getChildren().get(0), value, path, misfits);
            case Struct:
                return toStruct(field, value, path, misfits);
            default:
                return misfit(value, type.toString(), path, misfits);
        }
    }

    static String toText(AttributeValue value)
    {
        switch (value.type()) {
            case S:
                return value.s();
            case N:
                return value.n();
            case BOOL:
                return value.bool().toString();
            case B:
                return AttributeJson.base64(value.b());
            default:
                return AttributeJson.toJson(value);
        }
    }

    private static Object toLong(AttributeValue value, String path, Misfits misfits)
    {
        BigDecimal number = numberOf(value);
        if (number == null) {
            return misfit(value, "BIGINT", path, misfits);
        }
        if (number.signum() == 0) {
            return 0L;
        }
        BigDecimal integral = number.stripTrailingZeros();
        if (integral.scale() > 0 || integral.compareTo(LONG_MIN) < 0 || integral.compareTo(LONG_MAX) > 0) {
            misfits.report(path, "number " + describe(value) + " is not a 64-bit integer (column is BIGINT); read as null");
            return null;
        }
        return integral.longValueExact();
    }

    private static Object toDecimal(ArrowType.Decimal type, AttributeValue value, String path, Misfits misfits)
    {
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
            misfits.report(path, "number " + describe(value) + " rounded half-even to " + type.getScale()
                    + " fractional digits (column is DECIMAL(" + type.getPrecision() + "," + type.getScale() + "))");
        }
        return scaled;
    }

    private static Object toBoolean(AttributeValue value, String path, Misfits misfits)
    {
        switch (value.type()) {
            case BOOL:
                return value.bool();
            case S:
                if (value.s().equalsIgnoreCase("true") || value.s().equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(value.s());
                }
                break;
            case N:
                BigDecimal n = new BigDecimal(value.n());
                if (n.compareTo(BigDecimal.ZERO) == 0 || n.compareTo(BigDecimal.ONE) == 0) {
                    return n.compareTo(BigDecimal.ONE) == 0;
                }
                break;
            default:
                break;
        }
        return misfit(value, "BOOLEAN", path, misfits);
    }

    private static Object toList(Field element, AttributeValue value, String path, Misfits misfits)
    {
        List<Object> out = new ArrayList<>();
        switch (value.type()) {
            case L:
                List<AttributeValue> items = value.l();
                for (int i = 0; i < items.size(); i++) {
                    out.add(coerce(element, items.get(i), path + "[" + i + "]", misfits));
                }
                return out;
            case SS:
                value.ss().forEach(s -> out.add(coerce(element, AttributeValue.fromS(s), path, misfits)));
                return out;
            case NS:
                value.ns().forEach(n -> out.add(coerce(element, AttributeValue.fromN(n), path, misfits)));
                return out;
            case BS:
                for (SdkBytes b : value.bs()) {
                    out.add(coerce(element, AttributeValue.fromB(b), path, misfits));
                }
                return out;
            default:
                return misfit(value, "ARRAY", path, misfits);
        }
    }

    private static Object toStruct(Field field, AttributeValue value, String path, Misfits misfits)
    {
        if (value.type() != AttributeValue.Type.M) {
            return misfit(value, "STRUCT", path, misfits);
        }
        Map<String, AttributeValue> map = value.m();
        Map<String, Object> out = new HashMap<>();
        for (Field child : field.getChildren()) {
            AttributeValue childValue = StructKeys.lookup(map, child.getName());
            out.put(child.getName(), coerce(child, childValue, path + "." + child.getName(), misfits));
        }
        return out;
    }

    private static BigDecimal numberOf(AttributeValue value)
    {
        if (value.type() == AttributeValue.Type.N) {
            return new BigDecimal(value.n());
        }
        if (value.type() == AttributeValue.Type.S) {
            try {
                return new BigDecimal(value.s().trim());
            }
            catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Object misfit(AttributeValue value, String column, String path, Misfits misfits)
    {
        misfits.report(path, describe(value) + " does not fit a " + column + " column; read as null");
        return null;
    }

    private static String describe(AttributeValue value)
    {
        String text = toText(value);
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return value.type() + " '" + text + "'";
    }
}
