package io.github.athenaddb.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Reads a row's values as the Java objects {@link io.github.athenaddb.arrow.ArrowValueWriter}
 * writes into the fields {@link JdbcTypes#toField} made, following the rules of {@link JdbcTypes}:
 * decimals rounded to the field's scale, timestamps with a zone as their UTC wall clock, arrays as
 * JSON text, and a value that does not fit its field as an error naming the column.
 */
public final class JdbcValueReader
{
    private static final JsonFactory JSON = new JsonFactory();

    private JdbcValueReader() {}

    /**
     * The value at {@code index} (1-based) of the current row, as the Java object the connector's
     * Arrow writer takes for {@code field}'s type; null for SQL NULL.
     *
     * @throws SQLDataException when the value does not fit the field's type (see the class comment)
     */
    public static Object read(ResultSet rs, int index, Field field)
            throws SQLException
    {
        ArrowType type = field.getType();
        Map<String, String> metadata = field.getMetadata();
        String how = metadata == null ? null : metadata.get(JdbcTypes.READ_KEY);
        switch (type.getTypeID()) {
            case Utf8 -> {
                if (JdbcTypes.READ_ARRAY.equals(how)) {
                    Array array = rs.getArray(index);
                    if (array == null) {
                        return null;
                    }
                    try {
                        return arrayJson(array.getArray());
                    }
                    finally {
                        array.free();
                    }
                }
                return rs.getString(index);
            }
            case Int -> {
                int bits = ((ArrowType.Int) type).getBitWidth();
                Object value = switch (bits) {
                    case 8 -> rs.getByte(index);
                    case 16 -> rs.getShort(index);
                    case 32 -> rs.getInt(index);
                    case 64 -> rs.getLong(index);
                    default -> throw new IllegalArgumentException("Column " + field.getName() + ": no " + bits + "-bit integers");
                };
                return rs.wasNull() ? null : value;
            }
            case FloatingPoint -> {
                Object value = ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.SINGLE
                        ? (Object) rs.getFloat(index)
                        : (Object) rs.getDouble(index);
                return rs.wasNull() ? null : value;
            }
            case Decimal -> {
                return decimal(rs, index, field, (ArrowType.Decimal) type);
            }
            case Bool -> {
                boolean value = rs.getBoolean(index);
                return rs.wasNull() ? null : value;
            }
            case Binary -> {
                return rs.getBytes(index);
            }
            case Date -> {
                if (((ArrowType.Date) type).getUnit() == DateUnit.DAY) {
                    LocalDate date = rs.getObject(index, LocalDate.class);
                    if (date == null) {
                        return null;
                    }
                    try {
                        return Math.toIntExact(date.toEpochDay());
                    }
                    catch (ArithmeticException e) {
                        throw outOfRange(field, rs.getString(index), "date", e);
                    }
                }
                LocalDateTime time = JdbcTypes.READ_INSTANT.equals(how) ? utc(rs, index, metadata) : rs.getObject(index, LocalDateTime.class);
                if (time == null) {
                    return null;
                }
                try {
                    time.toInstant(ZoneOffset.UTC).toEpochMilli();
                }
                catch (ArithmeticException | java.time.DateTimeException e) {
                    throw outOfRange(field, rs.getString(index), "timestamp in milliseconds", e);
                }
                return time.truncatedTo(ChronoUnit.MILLIS);
            }
            default -> throw new IllegalArgumentException("Column " + field.getName() + " has Arrow type " + type + ", which the connector does not read");
        }
    }

    private static BigDecimal decimal(ResultSet rs, int index, Field field, ArrowType.Decimal type)
            throws SQLException
    {
        BigDecimal value;
        try {
            value = rs.getBigDecimal(index);
        }
        catch (SQLException e) {
            // PostgreSQL numeric NaN and Infinity have no BigDecimal.
            throw outOfRange(field, rs.getString(index), "decimal(" + type.getPrecision() + "," + type.getScale() + ")", e);
        }
        if (value == null) {
            return null;
        }
        BigDecimal scaled = value.scale() == type.getScale() ? value : value.setScale(type.getScale(), RoundingMode.HALF_EVEN);
        if (scaled.precision() > type.getPrecision()) {
            throw outOfRange(field, value.toPlainString(), "decimal(" + type.getPrecision() + "," + type.getScale() + ")", null);
        }
        return scaled;
    }

    private static LocalDateTime utc(ResultSet rs, int index, Map<String, String> metadata)
            throws SQLException
    {
        if (JdbcTypes.MYSQL.equals(metadata.get(JdbcTypes.DIALECT_KEY))) {
            // The server gives a TIMESTAMP in the session's zone, which the connection sets to UTC; read
            // as a LocalDateTime, it does not pass through the JVM's default zone.
            return rs.getObject(index, LocalDateTime.class);
        }
        OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
        if (time == null) {
            return null;
        }
        if (time.equals(OffsetDateTime.MAX) || time.equals(OffsetDateTime.MIN)) {
            // PostgreSQL's driver reads 'infinity' and '-infinity' as these.
            return time.toLocalDateTime();
        }
        Instant instant = time.toInstant();
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static SQLDataException outOfRange(Field field, String value, String target, Exception cause)
    {
        return new SQLDataException("Column " + field.getName() + ": the value " + value + " does not fit Athena's "
                + target + "; cast the column in a view to read it", "22003", cause);
    }

    /** JSON of a JDBC array's elements (an Object[] of boxed values, or nested Object[] for more dimensions). */
    static String arrayJson(Object array)
    {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            element(json, array);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void element(JsonGenerator json, Object value)
            throws IOException
    {
        if (value == null) {
            json.writeNull();
        }
        else if (value instanceof Object[] items) {
            json.writeStartArray();
            for (Object item : items) {
                element(json, item);
            }
            json.writeEndArray();
        }
        else if (value instanceof byte[] bytes) {
            json.writeBinary(bytes);
        }
        else if (value.getClass().isArray()) {
            // Primitive arrays (some drivers): box through java.lang.reflect.Array.
            int length = java.lang.reflect.Array.getLength(value);
            json.writeStartArray();
            for (int i = 0; i < length; i++) {
                element(json, java.lang.reflect.Array.get(value, i));
            }
            json.writeEndArray();
        }
        else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        }
        else if (value instanceof BigDecimal d) {
            json.writeNumber(d.toPlainString());
        }
        else if (value instanceof BigInteger i) {
            json.writeNumber(i);
        }
        else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                json.writeString(d.toString());
            }
            else {
                json.writeNumber(d);
            }
        }
        else if (value instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                json.writeString(f.toString());
            }
            else {
                json.writeNumber(f);
            }
        }
        else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        }
        else {
            json.writeString(value.toString());
        }
    }
}
