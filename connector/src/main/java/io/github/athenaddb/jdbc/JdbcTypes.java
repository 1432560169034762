package io.github.athenaddb.jdbc;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.sql.SQLDataException;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;

/**
 * Column types of a JDBC source (PostgreSQL, MySQL/MariaDB) as Arrow fields, and the values of a
 * row as the Java objects {@link io.github.athenaddb.arrow.ArrowValueWriter} writes into those
 * fields.
 *
 * <p>The mapping ({@link #toField}):
 * <ul>
 * <li>smallint, integer, bigint: Int(16/32/64). MySQL TINYINT: Int(8); MEDIUMINT: Int(32); an
 *     UNSIGNED integer takes the next wider type (BIGINT UNSIGNED: Decimal(20, 0)); YEAR: Int(16).</li>
 * <li>real / FLOAT: FloatingPoint(SINGLE); double precision / DOUBLE / JDBC FLOAT: FloatingPoint(DOUBLE).</li>
 * <li>numeric/decimal with a precision of 1 to 38: Decimal(p, s). Wider (MySQL allows 65) or
 *     unconstrained (PostgreSQL {@code numeric} with no precision, which can hold up to 131072
 *     digits before the point): Decimal(38, min(s, 10)), and Decimal(38, 10) when there is no
 *     declared scale. A value is rounded (HALF_EVEN) to the field's scale, the same as a cast to
 *     that decimal would; a value whose integer part does not fit in the remaining digits, and
 *     NaN or Infinity, fail the read with a {@link SQLDataException} (SQLSTATE 22003) that names
 *     the column: never NULL, never a wrong number. Cast such a column in a view to read it.</li>
 * <li>boolean, MySQL BIT(1), TINYINT(1) and BOOLEAN: Bool. Other MySQL BIT(n): Binary (the bits,
 *     big-endian). PostgreSQL bit(n) and varbit: Utf8 ("0101").</li>
 * <li>character types, text, enums, MySQL SET, json, jsonb, uuid, interval, inet, money, xml, and
 *     any type not named here: Utf8, the text the database gives for the value (getString).</li>
 * <li>time, timetz, MySQL TIME (which is a duration and can exceed 24 hours): Utf8, the database's
 *     ISO text ("13:45:00", "23:59:59.999999", "24:00:00", "-838:59:59"), so nothing is shifted
 *     or clipped by a conversion to a time of day.</li>
 * <li>arrays (PostgreSQL): Utf8 holding JSON: numbers and booleans as JSON values, NaN and
 *     Infinity and every other element as a string, NULL as null, nested arrays nested.</li>
 * <li>bytea, blob, binary, varbinary: Binary.</li>
 * <li>date: Date(DAY), days since 1970-01-01 in the proleptic Gregorian calendar (0001-01-01 stays
 *     0001-01-01).</li>
 * <li>timestamp without time zone (PostgreSQL timestamp, MySQL DATETIME): Date(MILLISECOND), the
 *     wall-clock value as written, milliseconds since 1970 as if it were UTC.</li>
 * <li>timestamp with time zone (PostgreSQL timestamptz, MySQL TIMESTAMP, which stores a UTC
 *     instant): Date(MILLISECOND) holding the instant's UTC wall clock, so 2024-01-01 12:00+02
 *     reads as 2024-01-01 10:00. The offset the value was written with is not kept.</li>
 * </ul>
 * Date(MILLISECOND) keeps milliseconds: microseconds are truncated (toward the past). A date or
 * timestamp outside what the Arrow type holds (PostgreSQL infinity) fails the read as above.
 *
 * <p>Every field is nullable. {@link #toField} records in the field's metadata the dialect, the
 * database's type name and, where the Arrow type alone does not say how to read a value, how
 * {@link JdbcValueReader#read} should read it ({@value #READ_KEY}).
 */
public final class JdbcTypes
{
    public static final String POSTGRESQL = "postgresql";
    public static final String MYSQL = "mysql";

    /** Field metadata: the dialect the field was mapped for. */
    public static final String DIALECT_KEY = "jdbc.dialect";
    /** Field metadata: the database's type name, as the driver reported it. */
    public static final String TYPE_NAME_KEY = "jdbc.type_name";
    /** Field metadata: {@value #READ_ARRAY} or {@value #READ_INSTANT} when the Arrow type alone is not enough. */
    public static final String READ_KEY = "jdbc.read";
    public static final String READ_ARRAY = "array_json";
    public static final String READ_INSTANT = "instant";

    /** Scale of a decimal column declared without one (PostgreSQL unconstrained numeric). */
    public static final int UNCONSTRAINED_SCALE = 10;
    public static final int MAX_PRECISION = 38;


    private JdbcTypes() {}

    /**
     * The Arrow field for a column as {@link java.sql.DatabaseMetaData#getColumns} describes it
     * (DATA_TYPE, TYPE_NAME, COLUMN_SIZE, DECIMAL_DIGITS).
     *
     * @param dialect {@value #POSTGRESQL} or {@value #MYSQL} (also for MariaDB)
     * @param nullable recorded for the caller's information; the field is always nullable
     */
    public static Field toField(String dialect, String column, int jdbcType, String typeName, int precision, int scale, boolean nullable)
    {
        String d = dialect(dialect);
        String name = typeName == null ? "" : typeName.trim().toLowerCase(Locale.ROOT);
        Mapping mapping = MYSQL.equals(d) ? mysql(jdbcType, name, precision, scale) : postgresql(jdbcType, name, precision, scale);
        Map<String, String> metadata = mapping.read == null
                ? Map.of(DIALECT_KEY, d, TYPE_NAME_KEY, typeName == null ? "" : typeName)
                : Map.of(DIALECT_KEY, d, TYPE_NAME_KEY, typeName == null ? "" : typeName, READ_KEY, mapping.read);
        return new Field(column, new FieldType(true, mapping.type, null, metadata), null);
    }

    private record Mapping(ArrowType type, String read)
    {
        static Mapping of(ArrowType type)
        {
            return new Mapping(type, null);
        }
    }

    private static final Mapping UTF8 = Mapping.of(ArrowType.Utf8.INSTANCE);
    private static final Mapping BOOL = Mapping.of(ArrowType.Bool.INSTANCE);
    private static final Mapping BINARY = Mapping.of(ArrowType.Binary.INSTANCE);
    private static final Mapping INT8 = Mapping.of(new ArrowType.Int(8, true));
    private static final Mapping INT16 = Mapping.of(new ArrowType.Int(16, true));
    private static final Mapping INT32 = Mapping.of(new ArrowType.Int(32, true));
    private static final Mapping INT64 = Mapping.of(new ArrowType.Int(64, true));
    private static final Mapping FLOAT4 = Mapping.of(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));
    private static final Mapping FLOAT8 = Mapping.of(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
    private static final Mapping DATE = Mapping.of(new ArrowType.Date(DateUnit.DAY));
    private static final Mapping TIMESTAMP = Mapping.of(new ArrowType.Date(DateUnit.MILLISECOND));
    private static final Mapping TIMESTAMP_UTC = new Mapping(new ArrowType.Date(DateUnit.MILLISECOND), READ_INSTANT);
    private static final Mapping ARRAY = new Mapping(ArrowType.Utf8.INSTANCE, READ_ARRAY);

    private static Mapping postgresql(int jdbcType, String name, int precision, int scale)
    {
        if (jdbcType == Types.ARRAY || name.startsWith("_")) {
            return ARRAY;
        }
        switch (name) {
            case "bool", "boolean" -> {
                return BOOL;
            }
            case "int2", "smallint", "smallserial" -> {
                return INT16;
            }
            case "int4", "integer", "serial" -> {
                return INT32;
            }
            case "int8", "bigint", "bigserial", "oid" -> {
                return INT64;
            }
            case "float4", "real" -> {
                return FLOAT4;
            }
            case "float8", "double precision" -> {
                return FLOAT8;
            }
            case "numeric", "decimal" -> {
                return decimal(precision, scale);
            }
            case "bytea" -> {
                return BINARY;
            }
            case "date" -> {
                return DATE;
            }
            case "timestamp", "timestamp without time zone" -> {
                return TIMESTAMP;
            }
            case "timestamptz", "timestamp with time zone" -> {
                return TIMESTAMP_UTC;
            }
            // money reports as DOUBLE but its text ("$1,000.00") does not parse as one; bit(n) reports as BIT.
            case "money", "bit", "varbit", "bit varying", "time", "timetz", "time without time zone", "time with time zone" -> {
                return UTF8;
            }
            default -> {
                return UTF8;
            }
        }
    }

    private static Mapping mysql(int jdbcType, String name, int precision, int scale)
    {
        boolean unsigned = name.contains("unsigned");
        String base = name.replace("unsigned", "").replace("zerofill", "").trim();
        int paren = base.indexOf('(');
        if (paren >= 0) {
            base = base.substring(0, paren).trim();
        }
        switch (base) {
            case "bool", "boolean" -> {
                return BOOL;
            }
            case "bit" -> {
                // MariaDB's driver reports TINYINT(1) as BIT with size 1 (tinyInt1isBit, the default).
                return precision <= 1 ? BOOL : BINARY;
            }
            case "tinyint" -> {
                if (precision == 1 && !unsigned) {
                    return BOOL;
                }
                return unsigned ? INT16 : INT8;
            }
            case "smallint" -> {
                return unsigned ? INT32 : INT16;
            }
            case "mediumint" -> {
                return INT32;
            }
            case "int", "integer" -> {
                return unsigned ? INT64 : INT32;
            }
            case "bigint" -> {
                return unsigned ? Mapping.of(new ArrowType.Decimal(20, 0, 128)) : INT64;
            }
            case "year" -> {
                return INT16;
            }
            case "float", "real" -> {
                // MySQL REAL is DOUBLE unless REAL_AS_FLOAT; the driver's JDBC type says which.
                return jdbcType == Types.REAL || "float".equals(base) ? FLOAT4 : FLOAT8;
            }
            case "double", "double precision" -> {
                return FLOAT8;
            }
            case "decimal", "numeric", "dec", "fixed" -> {
                return decimal(precision, scale);
            }
            case "date" -> {
                return DATE;
            }
            case "datetime" -> {
                return TIMESTAMP;
            }
            case "timestamp" -> {
                return TIMESTAMP_UTC;
            }
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> {
                return BINARY;
            }
            default -> {
                return switch (jdbcType) {
                    case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
                    default -> UTF8;
                };
            }
        }
    }

    private static Mapping decimal(int precision, int scale)
    {
        if (precision >= 1 && precision <= MAX_PRECISION && scale >= 0 && scale <= precision) {
            return Mapping.of(new ArrowType.Decimal(precision, scale, 128));
        }
        if (precision >= 1 && precision <= MAX_PRECISION && scale < 0) {
            // numeric(p, -s) (PostgreSQL 15) rounds to 10^s: p significant digits then s zeros.
            return Mapping.of(new ArrowType.Decimal(Math.min(MAX_PRECISION, precision - scale), 0, 128));
        }
        if (precision >= 1 && precision <= MAX_PRECISION) {
            // numeric(p, s) with s > p (PostgreSQL 15): only fractional digits.
            return Mapping.of(new ArrowType.Decimal(MAX_PRECISION, Math.min(scale, MAX_PRECISION), 128));
        }
        int s = precision <= 0 ? UNCONSTRAINED_SCALE : Math.min(Math.max(scale, 0), UNCONSTRAINED_SCALE);
        return Mapping.of(new ArrowType.Decimal(MAX_PRECISION, s, 128));
    }

    private static String dialect(String dialect)
    {
        String d = dialect == null ? "" : dialect.trim().toLowerCase(Locale.ROOT);
        return switch (d) {
            case POSTGRESQL, "postgres" -> POSTGRESQL;
            case MYSQL, "mariadb" -> MYSQL;
            default -> throw new IllegalArgumentException("Unknown JDBC dialect '" + dialect + "'; expected postgresql or mysql");
        };
    }

}
