package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.data.Block;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Arrow columns as SQL: the type a connector's field has in the engine, and the Java value
 * the engine expects for it (String, Long, BigDecimal, Boolean, ByteString, List, Object[]).
 */
final class ArrowSqlTypes
{
    private ArrowSqlTypes() {}

    static RelDataType toSql(RelDataTypeFactory factory, Field field)
    {
        ArrowType type = field.getType();
        RelDataType sql = switch (type.getTypeID()) {
            case Utf8 -> factory.createSqlType(SqlTypeName.VARCHAR);
            case Int -> factory.createSqlType(bitWidth(type) == 64 ? SqlTypeName.BIGINT : bitWidth(type) == 32 ? SqlTypeName.INTEGER
                    : bitWidth(type) == 16 ? SqlTypeName.SMALLINT : SqlTypeName.TINYINT);
            case Decimal -> factory.createSqlType(SqlTypeName.DECIMAL, ((ArrowType.Decimal) type).getPrecision(),
                    ((ArrowType.Decimal) type).getScale());
            case Bool -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case Binary -> factory.createSqlType(SqlTypeName.VARBINARY);
            case FloatingPoint -> factory.createSqlType(SqlTypeName.DOUBLE);
            // Athena's TIMESTAMP is Date(MILLISECOND); Date(DAY) is its DATE.
            case Date -> ((ArrowType.Date) type).getUnit() == org.apache.arrow.vector.types.DateUnit.DAY
                    ? factory.createSqlType(SqlTypeName.DATE) : factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case Timestamp -> factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case List -> factory.createArrayType(toSql(factory, field.getChildren().get(0)), -1);
            case Struct -> {
                List<RelDataType> types = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (Field child : field.getChildren()) {
                    names.add(child.getName().toLowerCase(Locale.ROOT));
                    types.add(toSql(factory, child));
                }
                yield factory.createStructType(types, names);
            }
            default -> throw new IllegalArgumentException("Column " + field.getName() + " has Arrow type " + type
                    + ", which the local engine does not support");
        };
        return factory.createTypeWithNullability(sql, true);
    }

    private static int bitWidth(ArrowType type)
    {
        return ((ArrowType.Int) type).getBitWidth();
    }

    /** A table's row type: its Arrow fields, with names lower-cased as Athena shows them. */
    static RelDataType rowType(RelDataTypeFactory factory, Schema schema)
    {
        RelDataTypeFactory.Builder row = factory.builder();
        for (Field f : schema.getFields()) {
            row.add(f.getName().toLowerCase(Locale.ROOT), toSql(factory, f));
        }
        return row.build();
    }

    /** Appends a block's rows as the engine's Object[] rows of {@code width} columns (0 for a row count). */
    static void appendRows(Block block, int width, List<Object[]> rows)
    {
        List<FieldVector> vectors = block.getFieldVectors();
        for (int r = 0; r < block.getRowCount(); r++) {
            Object[] row = new Object[width];
            for (int c = 0; c < width; c++) {
                row[c] = value(vectors.get(c), r);
            }
            rows.add(row);
        }
    }

    static Object value(FieldVector vector, int row)
    {
        return vector.isNull(row) ? null : convert(vector.getField(), vector.getObject(row));
    }

    /** Converts what Arrow's getObject returns into the engine's representation. */
    static Object convert(Field field, Object value)
    {
        if (value == null) {
            return null;
        }
        return switch (field.getType().getTypeID()) {
            case Utf8 -> value instanceof Text t ? t.toString() : value.toString();
            // The engine's Java type follows the SQL type: TINYINT Byte, SMALLINT Short, INTEGER Integer, BIGINT Long.
            case Int -> switch (bitWidth(field.getType())) {
                case 8 -> ((Number) value).byteValue();
                case 16 -> ((Number) value).shortValue();
                case 32 -> ((Number) value).intValue();
                default -> ((Number) value).longValue();
            };
            case Binary -> new ByteString((byte[]) value);
            // The engine holds a TIMESTAMP as milliseconds since 1970 (UTC wall clock), a DATE as days.
            case Date, Timestamp -> value instanceof java.time.LocalDateTime t ? t.toInstant(java.time.ZoneOffset.UTC).toEpochMilli() : value;
            case List -> {
                Field element = field.getChildren().get(0);
                List<Object> out = new ArrayList<>();
                ((List<?>) value).forEach(v -> out.add(convert(element, v)));
                yield out;
            }
            case Struct -> {
                Map<?, ?> map = (Map<?, ?>) value;
                Object[] out = new Object[field.getChildren().size()];
                for (int i = 0; i < out.length; i++) {
                    Field child = field.getChildren().get(i);
                    out[i] = convert(child, map.get(child.getName()));
                }
                yield out;
            }
            default -> value;
        };
    }
}
