package io.github.athenaddb.jdbc;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

import java.sql.Types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MySQL/MariaDB column types as MariaDB Connector/J's getColumns reports them (DATA_TYPE,
 * TYPE_NAME with " UNSIGNED" appended, COLUMN_SIZE, DECIMAL_DIGITS; TINYINT(1) as BIT of size 1
 * under the default tinyInt1isBit), mapped without a server.
 */
class JdbcTypesMysqlTest
{
    private static ArrowType type(int jdbcType, String typeName, int precision, int scale)
    {
        return JdbcTypes.toField("mysql", "c", jdbcType, typeName, precision, scale, true).getType();
    }

    private static ArrowType integer(int bits)
    {
        return new ArrowType.Int(bits, true);
    }

    @Test
    void integersWidenWhenUnsigned()
    {
        assertThat(type(Types.TINYINT, "TINYINT", 3, 0)).isEqualTo(integer(8));
        assertThat(type(Types.TINYINT, "TINYINT UNSIGNED", 3, 0)).isEqualTo(integer(16));
        assertThat(type(Types.SMALLINT, "SMALLINT", 5, 0)).isEqualTo(integer(16));
        assertThat(type(Types.SMALLINT, "SMALLINT UNSIGNED", 5, 0)).isEqualTo(integer(32));
        assertThat(type(Types.INTEGER, "MEDIUMINT", 7, 0)).isEqualTo(integer(32));
        assertThat(type(Types.INTEGER, "MEDIUMINT UNSIGNED", 7, 0)).isEqualTo(integer(32));
        assertThat(type(Types.INTEGER, "INT", 10, 0)).isEqualTo(integer(32));
        assertThat(type(Types.BIGINT, "INT UNSIGNED", 10, 0)).isEqualTo(integer(64));
        assertThat(type(Types.BIGINT, "BIGINT", 19, 0)).isEqualTo(integer(64));
        assertThat(type(Types.DECIMAL, "BIGINT UNSIGNED", 20, 0)).isEqualTo(new ArrowType.Decimal(20, 0, 128));
        assertThat(type(Types.SMALLINT, "YEAR", 4, 0)).isEqualTo(integer(16));
    }

    @Test
    void bitOneAndTinyintOneAreBooleans()
    {
        assertThat(type(Types.BIT, "BIT", 1, 0)).isEqualTo(ArrowType.Bool.INSTANCE);
        assertThat(type(Types.BOOLEAN, "BOOLEAN", 1, 0)).isEqualTo(ArrowType.Bool.INSTANCE);
        assertThat(type(Types.TINYINT, "TINYINT", 1, 0)).isEqualTo(ArrowType.Bool.INSTANCE);
        assertThat(type(Types.BIT, "BIT", 8, 0)).isEqualTo(ArrowType.Binary.INSTANCE);
    }

    @Test
    void floatsAndDecimals()
    {
        assertThat(type(Types.REAL, "FLOAT", 12, 0)).isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));
        assertThat(type(Types.DOUBLE, "DOUBLE", 22, 0)).isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
        assertThat(type(Types.DECIMAL, "DECIMAL", 10, 2)).isEqualTo(new ArrowType.Decimal(10, 2, 128));
        assertThat(type(Types.DECIMAL, "DECIMAL UNSIGNED", 38, 0)).isEqualTo(new ArrowType.Decimal(38, 0, 128));
        // Wider than Arrow's 38 digits: 38 digits, at most 10 of them after the point.
        assertThat(type(Types.DECIMAL, "DECIMAL", 65, 30)).isEqualTo(new ArrowType.Decimal(38, 10, 128));
        assertThat(type(Types.DECIMAL, "DECIMAL", 65, 4)).isEqualTo(new ArrowType.Decimal(38, 4, 128));
    }

    @Test
    void datesAndTimes()
    {
        assertThat(type(Types.DATE, "DATE", 10, 0)).isEqualTo(new ArrowType.Date(DateUnit.DAY));
        assertThat(type(Types.TIMESTAMP, "DATETIME", 19, 0)).isEqualTo(new ArrowType.Date(DateUnit.MILLISECOND));
        Field timestamp = JdbcTypes.toField("mysql", "c", Types.TIMESTAMP, "TIMESTAMP", 26, 6, false);
        assertThat(timestamp.getType()).isEqualTo(new ArrowType.Date(DateUnit.MILLISECOND));
        assertThat(timestamp.getMetadata()).containsEntry(JdbcTypes.READ_KEY, JdbcTypes.READ_INSTANT);
        assertThat(JdbcTypes.toField("mysql", "c", Types.TIMESTAMP, "DATETIME", 19, 0, true).getMetadata())
                .doesNotContainKey(JdbcTypes.READ_KEY);
        assertThat(type(Types.TIME, "TIME", 10, 0)).isEqualTo(ArrowType.Utf8.INSTANCE);
    }

    @Test
    void textAndBinary()
    {
        for (String text : new String[] {"VARCHAR", "CHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "SET", "JSON"}) {
            assertThat(type(text.endsWith("TEXT") || text.equals("JSON") ? Types.LONGVARCHAR : Types.VARCHAR, text, 255, 0))
                    .as(text).isEqualTo(ArrowType.Utf8.INSTANCE);
        }
        for (String binary : new String[] {"BINARY", "VARBINARY", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB"}) {
            assertThat(type(Types.LONGVARBINARY, binary, 255, 0)).as(binary).isEqualTo(ArrowType.Binary.INSTANCE);
        }
        assertThat(type(Types.OTHER, "GEOMETRY", 0, 0)).isEqualTo(ArrowType.Utf8.INSTANCE);
        assertThat(type(Types.LONGVARBINARY, "SOMETHING_NEW", 0, 0)).isEqualTo(ArrowType.Binary.INSTANCE);
    }

    @Test
    void dialectNamesAreChecked()
    {
        assertThat(JdbcTypes.toField("MariaDB", "c", Types.BIT, "BIT", 1, 0, true).getMetadata())
                .containsEntry(JdbcTypes.DIALECT_KEY, "mysql");
        assertThatThrownBy(() -> JdbcTypes.toField("oracle", "c", Types.INTEGER, "NUMBER", 10, 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oracle");
    }

    @Test
    void arraysBecomeJson()
    {
        assertThat(JdbcValueReader.arrayJson(new Object[] {1, null, "a\"b", true, 2.5d, Double.NaN, new java.math.BigDecimal("1E+3"),
                new Object[] {}, new int[] {7, 8}})).isEqualTo("[1,null,\"a\\\"b\",true,2.5,\"NaN\",1000,[],[7,8]]");
    }
}
