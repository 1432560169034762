package io.github.athenaddb.jdbc;

import io.github.athenaddb.devkit.EmbeddedPostgresDb;
import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import io.github.athenaddb.arrow.ArrowValueWriter;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL column types, as a real server (embedded) reports them through the JDBC driver,
 * mapped to Arrow fields; their values read, written into a real Arrow block and read back.
 */
class JdbcTypesTest
{
    private static final ArrowType INT16 = new ArrowType.Int(16, true);
    private static final ArrowType INT32 = new ArrowType.Int(32, true);
    private static final ArrowType INT64 = new ArrowType.Int(64, true);
    private static final ArrowType FLOAT4 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    private static final ArrowType FLOAT8 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    private static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
    private static final ArrowType DAY = new ArrowType.Date(DateUnit.DAY);
    private static final ArrowType MILLI = new ArrowType.Date(DateUnit.MILLISECOND);

    private static final String COLUMNS = """
            id integer PRIMARY KEY,
            c_smallint smallint, c_integer integer, c_bigint bigint, c_real real, c_double double precision,
            c_num38 numeric(38,10), c_num5 numeric(5,2), c_numeric numeric, c_bool boolean,
            c_text text, c_varchar varchar(10), c_char char(3), c_bytea bytea, c_date date,
            c_timestamp timestamp, c_timestamptz timestamptz, c_time time, c_json json, c_jsonb jsonb,
            c_intarr int[], c_uuid uuid
            """;

    private static EmbeddedPostgresDb db;

    @BeforeAll
    static void createTable()
            throws SQLException
    {
        db = EmbeddedPostgresDb.newDatabase();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE types (" + COLUMNS + ")");
            statement.execute("INSERT INTO types (id) VALUES (1)");
            statement.execute("""
                    INSERT INTO types VALUES (2, -32768, -2147483648, -9223372036854775808, '-3.4028235e38', '-1.7976931348623157e308',
                      -9999999999999999999999999999.9999999999, -999.99, -123.45, false,
                      '', '', 'a', '\\x00ff', '0001-01-01',
                      '0001-01-01 00:00:00', '1970-01-01 00:00:00+00', '00:00:00', '{}', '[]',
                      '{}', '00000000-0000-0000-0000-000000000000')""");
            statement.execute("""
                    INSERT INTO types VALUES (3, 32767, 2147483647, 9223372036854775807, '3.4028235e38', '1.7976931348623157e308',
                      9999999999999999999999999999.9999999999, 999.99, 12345678901234567890.123456789012, true,
                      '😀é', '😀é', '😀é', '\\x00ff00', '9999-12-31',
                      '2262-04-11 23:47:16.854775', '2024-03-10 12:34:56.789+05:30', '23:59:59.999999',
                      '{"a": [1, 2.5, "x"]}', '{"b": 1, "a": null}',
                      '{1,NULL,-3}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')""");
            statement.execute("""
                    INSERT INTO types VALUES (4, 0, 0, 0, 'NaN', '-Infinity',
                      0, 0.5, 0.00000000005, true,
                      ' x ', 'tenchars..', 'ab', '\\x', '1970-01-01',
                      '1970-01-01 00:00:00', '1969-12-31 23:59:59.999-01', '24:00:00', '"s"', '"s"',
                      '{{1,2},{3,4}}', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')""");
            statement.execute("CREATE TABLE misfits (id integer PRIMARY KEY, c_numeric numeric, c_timestamp timestamp, c_timestamptz timestamptz, c_date date)");
            statement.execute("""
                    INSERT INTO misfits VALUES
                      (1, 1000000000000000000000000000000, NULL, NULL, NULL),
                      (2, 'NaN', NULL, NULL, NULL),
                      (3, NULL, 'infinity', NULL, NULL),
                      (4, NULL, NULL, '-infinity', NULL),
                      (5, NULL, NULL, NULL, 'infinity'),
                      (6, 9999999999999999999999999999.99999999995, NULL, NULL, NULL)""");
        }
    }

    @Test
    void columnsMapToArrowTypes()
            throws SQLException
    {
        Map<String, Field> fields = fields("types");
        Map<String, ArrowType> types = new LinkedHashMap<>();
        fields.forEach((name, field) -> types.put(name, field.getType()));
        assertThat(types).containsExactly(
                Map.entry("id", INT32),
                Map.entry("c_smallint", INT16),
                Map.entry("c_integer", INT32),
                Map.entry("c_bigint", INT64),
                Map.entry("c_real", FLOAT4),
                Map.entry("c_double", FLOAT8),
                Map.entry("c_num38", new ArrowType.Decimal(38, 10, 128)),
                Map.entry("c_num5", new ArrowType.Decimal(5, 2, 128)),
                Map.entry("c_numeric", new ArrowType.Decimal(38, JdbcTypes.UNCONSTRAINED_SCALE, 128)),
                Map.entry("c_bool", ArrowType.Bool.INSTANCE),
                Map.entry("c_text", UTF8),
                Map.entry("c_varchar", UTF8),
                Map.entry("c_char", UTF8),
                Map.entry("c_bytea", ArrowType.Binary.INSTANCE),
                Map.entry("c_date", DAY),
                Map.entry("c_timestamp", MILLI),
                Map.entry("c_timestamptz", MILLI),
                Map.entry("c_time", UTF8),
                Map.entry("c_json", UTF8),
                Map.entry("c_jsonb", UTF8),
                Map.entry("c_intarr", UTF8),
                Map.entry("c_uuid", UTF8));
        assertThat(fields.values()).allMatch(Field::isNullable);
        assertThat(fields.get("c_timestamptz").getMetadata()).containsEntry(JdbcTypes.READ_KEY, JdbcTypes.READ_INSTANT)
                .containsEntry(JdbcTypes.TYPE_NAME_KEY, "timestamptz").containsEntry(JdbcTypes.DIALECT_KEY, "postgresql");
        assertThat(fields.get("c_intarr").getMetadata()).containsEntry(JdbcTypes.READ_KEY, JdbcTypes.READ_ARRAY);
    }

    @Test
    void nullsEverywhere()
            throws SQLException
    {
        List<Object> row = rows("types", fields("types")).get(0);
        assertThat(row.get(0)).isEqualTo(1);
        assertThat(row.subList(1, row.size())).containsOnlyNulls();
    }

    @Test
    void minimumsAndEmpties()
            throws SQLException
    {
        assertThat(rows("types", fields("types")).get(1)).containsExactly(
                2, (short) -32768, Integer.MIN_VALUE, Long.MIN_VALUE, -Float.MAX_VALUE, -Double.MAX_VALUE,
                new BigDecimal("-9999999999999999999999999999.9999999999"), new BigDecimal("-999.99"),
                new BigDecimal("-123.4500000000"), false,
                "", "", "a  ", new byte[] {0, (byte) 0xff}, (int) LocalDate.of(1, 1, 1).toEpochDay(),
                LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(1970, 1, 1, 0, 0), "00:00:00", "{}", "[]",
                "[]", "00000000-0000-0000-0000-000000000000");
    }

    @Test
    void maximumsAndUnicode()
            throws SQLException
    {
        assertThat(rows("types", fields("types")).get(2)).containsExactly(
                3, (short) 32767, Integer.MAX_VALUE, Long.MAX_VALUE, Float.MAX_VALUE, Double.MAX_VALUE,
                new BigDecimal("9999999999999999999999999999.9999999999"), new BigDecimal("999.99"),
                // Unconstrained numeric: rounded HALF_EVEN to the field's 10 decimal places.
                new BigDecimal("12345678901234567890.1234567890"), true,
                "😀é", "😀é", "😀é ", new byte[] {0, (byte) 0xff, 0}, (int) LocalDate.of(9999, 12, 31).toEpochDay(),
                // Microseconds are truncated to the milliseconds Date(MILLISECOND) holds.
                LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_000_000),
                // 12:34:56.789 at +05:30 is 07:04:56.789 UTC.
                LocalDateTime.of(2024, 3, 10, 7, 4, 56, 789_000_000),
                "23:59:59.999999", "{\"a\": [1, 2.5, \"x\"]}", "{\"a\": null, \"b\": 1}",
                "[1,null,-3]", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    }

    @Test
    void zerosSpecialFloatsAndNestedArrays()
            throws SQLException
    {
        assertThat(rows("types", fields("types")).get(3)).containsExactly(
                4, (short) 0, 0, 0L, Float.NaN, Double.NEGATIVE_INFINITY,
                new BigDecimal("0E-10"), new BigDecimal("0.50"),
                // 0.00000000005 rounds half-even to 0.0000000000 at scale 10.
                new BigDecimal("0E-10"), true,
                " x ", "tenchars..", "ab ", new byte[0], 0,
                LocalDateTime.of(1970, 1, 1, 0, 0),
                // 23:59:59.999 at -01:00 is the next day's 00:59:59.999 UTC.
                LocalDateTime.of(1970, 1, 1, 0, 59, 59, 999_000_000),
                "24:00:00", "\"s\"", "\"s\"",
                "[[1,2],[3,4]]", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    }

    @Test
    void valuesSurviveTheArrowWriter()
            throws SQLException
    {
        Map<String, Field> fields = fields("types");
        List<List<Object>> rows = rows("types", fields);
        List<Field> list = new ArrayList<>(fields.values());
        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl(); Block block = allocator.createBlock(new Schema(list))) {
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < list.size(); c++) {
                    ArrowValueWriter.write(block.getFieldVector(list.get(c).getName()), r, rows.get(r).get(c));
                }
            }
            block.setRowCount(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < list.size(); c++) {
                    FieldVector vector = block.getFieldVector(list.get(c).getName());
                    Object back = vector.getObject(r);
                    if (back instanceof Text text) {
                        back = text.toString();
                    }
                    if (back != null && list.get(c).getType().equals(DAY)) {
                        back = ((Number) back).intValue();
                    }
                    assertThat(back).as("row %d column %s", r, list.get(c).getName()).isEqualTo(rows.get(r).get(c));
                }
            }
        }
        catch (Exception e) {
            if (e instanceof SQLException sql) {
                throw sql;
            }
            throw new AssertionError(e);
        }
    }

    @Test
    void valuesThatDoNotFitFailTheReadNamingTheColumn()
            throws SQLException
    {
        Map<String, Field> fields = fields("misfits");
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM misfits ORDER BY id")) {
            String[] column = {null, "c_numeric", "c_numeric", "c_timestamp", "c_timestamptz", "c_date", "c_numeric"};
            String[] shown = {null, "1000000000000000000000000000000", "NaN", "infinity", "-infinity", "infinity",
                    "9999999999999999999999999999.99999999995"};
            for (int id = 1; id <= 6; id++) {
                assertThat(rs.next()).isTrue();
                int index = List.copyOf(fields.keySet()).indexOf(column[id]) + 1;
                Field field = fields.get(column[id]);
                assertThatThrownBy(() -> JdbcValueReader.read(rs, index, field))
                        .as("row %d", id)
                        .isInstanceOf(SQLDataException.class)
                        .hasMessageContaining("Column " + column[id])
                        .hasMessageContaining(shown[id]);
            }
        }
    }

    private static Map<String, Field> fields(String table)
            throws SQLException
    {
        Map<String, Field> fields = new LinkedHashMap<>();
        try (Connection connection = db.connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet columns = metadata.getColumns(null, "public", table, null)) {
                while (columns.next()) {
                    String name = columns.getString("COLUMN_NAME");
                    fields.put(name, JdbcTypes.toField(JdbcTypes.POSTGRESQL, name, columns.getInt("DATA_TYPE"),
                            columns.getString("TYPE_NAME"), columns.getInt("COLUMN_SIZE"), columns.getInt("DECIMAL_DIGITS"),
                            columns.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
                }
            }
        }
        return fields;
    }

    private static List<List<Object>> rows(String table, Map<String, Field> fields)
            throws SQLException
    {
        List<List<Object>> rows = new ArrayList<>();
        List<Field> list = List.copyOf(fields.values());
        String select = "SELECT " + String.join(", ", fields.keySet()) + " FROM " + table + " ORDER BY id";
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(select)) {
            while (rs.next()) {
                List<Object> row = Arrays.asList(new Object[list.size()]);
                for (int i = 0; i < list.size(); i++) {
                    row.set(i, JdbcValueReader.read(rs, i + 1, list.get(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
