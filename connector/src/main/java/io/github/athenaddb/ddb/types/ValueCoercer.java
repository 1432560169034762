package io.github.athenaddb.ddb.types;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a DynamoDB value to the Java value its Arrow column holds: String, Byte, Short,
 * Integer, Long, Float, Double, BigDecimal, Boolean, byte[], Integer days (DATE), LocalDateTime
 * (TIMESTAMP), List, or Map (struct fields by Arrow child name; map entries by key). The
 * coercions, also listed in README:
 * <ul>
 * <li>VARCHAR takes anything: S as is, N as its decimal text, BOOL as true/false, B as base64,
 *     M, L and sets as JSON.</li>
 * <li>TINYINT, SMALLINT, INTEGER and BIGINT take an integral N within their range, and S
 *     holding such a number ("42"). REAL and DOUBLE take N and numeric S, rounded to the
 *     nearest float or double ({@link NumberCoercer}).</li>
 * <li>DECIMAL takes N, and S holding a number; more fractional digits than the column's scale
 *     are rounded half-even (reported as adjusted); an integer part too wide for the column is
 *     not.</li>
 * <li>BIT takes BOOL, S "true"/"false" (any case), and N 0 or 1.</li>
 * <li>DATE and TIMESTAMP take S in the column's format or ISO-8601, and N as epoch seconds or
 *     milliseconds when the format says so ({@link DateTimeCoercer}, {@link DateTimeFormats}).</li>
 * <li>VARBINARY takes B. LIST takes L and sets; STRUCT takes M; MAP takes M when its key type is
 *     VARCHAR (an M's keys are attribute names), each value by the rules of the value type.</li>
 * </ul>
 * Anything else is a misfit: the value becomes null and {@link Misfits} hears of it. A value is
 * never guessed.
 */
public final class ValueCoercer
{
    private ValueCoercer() {}

    public static Object coerce(Field field, AttributeValue value, String path, Misfits misfits)
    {
        return coerce(field, value, path, misfits, DateTimeFormats.DEFAULT);
    }

    /** @param inherited the date-time format of the column this field is nested in */
    private static Object coerce(Field field, AttributeValue value, String path, Misfits misfits, DateTimeFormats.Format inherited)
    {
        if (value == null || value.type() == AttributeValue.Type.NUL) {
            return null;
        }
        ArrowType type = field.getType();
        switch (type.getTypeID()) {
            case Utf8:
                return toText(value);
            case Int:
                if (!((ArrowType.Int) type).getIsSigned()) {
                    break;
                }
                return NumberCoercer.toInteger((ArrowType.Int) type, value, path, misfits);
            case FloatingPoint:
                if (((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.HALF) {
                    break;
                }
                return NumberCoercer.toFloatingPoint((ArrowType.FloatingPoint) type, value, path, misfits);
            case Decimal:
                return NumberCoercer.toDecimal((ArrowType.Decimal) type, value, path, misfits);
            case Bool:
                return toBoolean(value, path, misfits);
            case Binary:
                return value.type() == AttributeValue.Type.B ? value.b().asByteArray() : misfit(value, "VARBINARY", path, misfits);
            case Date:
                return DateTimeCoercer.coerce((ArrowType.Date) type, DateTimeFormats.of(field, inherited), value, path, misfits);
            case List:
                return toList(field.getChildren().get(0), value, path, misfits, DateTimeFormats.of(field, inherited));
            case Struct:
                return toStruct(field, value, path, misfits, DateTimeFormats.of(field, inherited));
            case Map:
                return toMap(field, value, path, misfits, DateTimeFormats.of(field, inherited));
            default:
                break;
        }
        return misfit(value, type.toString(), path, misfits);
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

    private static Object toList(Field element, AttributeValue value, String path, Misfits misfits, DateTimeFormats.Format format)
    {
        List<Object> out = new ArrayList<>();
        switch (value.type()) {
            case L:
                List<AttributeValue> items = value.l();
                for (int i = 0; i < items.size(); i++) {
                    out.add(coerce(element, items.get(i), path + "[" + i + "]", misfits, format));
                }
                return out;
            case SS:
                value.ss().forEach(s -> out.add(coerce(element, AttributeValue.fromS(s), path, misfits, format)));
                return out;
            case NS:
                value.ns().forEach(n -> out.add(coerce(element, AttributeValue.fromN(n), path, misfits, format)));
                return out;
            case BS:
                for (SdkBytes b : value.bs()) {
                    out.add(coerce(element, AttributeValue.fromB(b), path, misfits, format));
                }
                return out;
            default:
                return misfit(value, "ARRAY", path, misfits);
        }
    }

    private static Object toStruct(Field field, AttributeValue value, String path, Misfits misfits, DateTimeFormats.Format format)
    {
        if (value.type() != AttributeValue.Type.M) {
            return misfit(value, "STRUCT", path, misfits);
        }
        Map<String, AttributeValue> map = value.m();
        Map<String, Object> out = new HashMap<>();
        for (Field child : field.getChildren()) {
            AttributeValue childValue = StructKeys.lookup(map, child.getName());
            out.put(child.getName(), coerce(child, childValue, path + "." + child.getName(), misfits, format));
        }
        return out;
    }

    private static Object toMap(Field field, AttributeValue value, String path, Misfits misfits, DateTimeFormats.Format format)
    {
        if (value.type() != AttributeValue.Type.M) {
            return misfit(value, "MAP", path, misfits);
        }
        List<Field> entry = field.getChildren().get(0).getChildren();
        if (entry.get(0).getType().getTypeID() != ArrowType.ArrowTypeID.Utf8) {
            misfits.report(path, describe(value) + " does not fit: the keys of an M are attribute names, and the column's map keys are "
                    + entry.get(0).getType() + ", not VARCHAR; read as null");
            return null;
        }
        Field valueField = entry.get(1);
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, AttributeValue> e : value.m().entrySet()) {
            out.put(e.getKey(), coerce(valueField, e.getValue(), path + "." + e.getKey(), misfits, format));
        }
        return out;
    }

    static Object misfit(AttributeValue value, String column, String path, Misfits misfits)
    {
        misfits.report(path, describe(value) + " does not fit a " + column + " column; read as null");
        return null;
    }

    static String describe(AttributeValue value)
    {
        String text = toText(value);
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return value.type() + " '" + text + "'";
    }
}
