package io.github.athenaddb.arrow;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.data.BlockUtils;
import com.amazonaws.athena.connector.lambda.data.FieldResolver;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direct complex writer against the SDK's {@code BlockUtils.setComplexValue}, which it
 * replaces: random lists, structs and maps (with null elements, null fields, empty lists and
 * null rows) written both ways read back the same, row by row.
 */
class ComplexVectorWriterTest
{
    private static final FieldResolver SDK_FIELDS = (field, value) -> ((Map<?, ?>) value).get(field.getName());
    private static final int ROWS = 400;

    private static Field scalar(String name, ArrowType type)
    {
        return new Field(name, FieldType.nullable(type), null);
    }

    private static Field list(String name, Field element)
    {
        return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(element));
    }

    private static Field struct(String name, Field... children)
    {
        return new Field(name, FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(children));
    }

    private static Field map(String name, ArrowType key, Field value)
    {
        Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE),
                List.of(new Field("key", FieldType.notNullable(key), null), value));
        return new Field(name, FieldType.nullable(new ArrowType.Map(false)), List.of(entries));
    }

    @Test
    void readsBackExactlyAsTheSdksWriterWrites()
            throws Exception
    {
        Random random = new Random(20261203);
        Field line = struct("item", scalar("sku", ArrowType.Utf8.INSTANCE), scalar("qty", new ArrowType.Int(64, true)),
                scalar("price", new ArrowType.Decimal(38, 9, 128)));
        Map<Field, Function<Random, Object>> cases = new HashMap<>();
        cases.put(list("tags", scalar("item", ArrowType.Utf8.INSTANCE)), r -> listOf(r, ComplexVectorWriterTest::text));
        cases.put(list("counts", scalar("item", new ArrowType.Int(64, true))), r -> listOf(r, x -> x.nextInt(5) == 0 ? null : x.nextLong()));
        cases.put(list("matrix", list("item", scalar("item", new ArrowType.Int(32, true)))),
                r -> listOf(r, x -> listOf(x, y -> y.nextInt(1000))));
        cases.put(list("lines", line), r -> listOf(r, x -> lineOf(x)));
        cases.put(struct("address", scalar("city", ArrowType.Utf8.INSTANCE),
                struct("geo", scalar("lat", new ArrowType.Decimal(38, 9, 128)), scalar("lon", new ArrowType.Decimal(38, 9, 128))),
                list("phones", scalar("item", ArrowType.Utf8.INSTANCE))), ComplexVectorWriterTest::addressOf);
        cases.put(map("attrs", ArrowType.Utf8.INSTANCE, scalar("value", new ArrowType.Int(64, true))), r -> {
            Map<String, Object> m = new TreeMap<>();
            for (int i = r.nextInt(4); i > 0; i--) {
                m.put("k" + r.nextInt(10), r.nextInt(4) == 0 ? null : r.nextLong());
            }
            return m;
        });
        cases.put(map("flags", ArrowType.Utf8.INSTANCE, scalar("value", ArrowType.Bool.INSTANCE)),
                r -> r.nextBoolean() ? Map.of() : new TreeMap<>(Map.of("a", r.nextBoolean(), "b", true)));

        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
            for (Map.Entry<Field, Function<Random, Object>> c : cases.entrySet()) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < ROWS; i++) {
                    values.add(random.nextInt(8) == 0 ? null : c.getValue().apply(random));
                }
                try (Block sdk = allocator.createBlock(new Schema(List.of(c.getKey())));
                        Block direct = allocator.createBlock(new Schema(List.of(c.getKey())))) {
                    FieldVector sdkVector = sdk.getFieldVectors().get(0);
                    FieldVector directVector = direct.getFieldVectors().get(0);
                    for (int row = 0; row < ROWS; row++) {
                        Object value = values.get(row);
                        if (value == null) {
                            sdkVector.setNull(row);
                        }
                        else {
                            BlockUtils.setComplexValue(sdkVector, row, SDK_FIELDS, value);
                        }
                        ArrowValueWriter.write(directVector, row, value);
                    }
                    sdk.setRowCount(ROWS);
                    direct.setRowCount(ROWS);
                    for (int row = 0; row < ROWS; row++) {
                        assertThat(String.valueOf(directVector.getObject(row)))
                                .as("%s row %d: %s", c.getKey().getName(), row, values.get(row))
                                .isEqualTo(String.valueOf(sdkVector.getObject(row)));
                    }
                    assertThat(direct.getRowCount()).isEqualTo(ROWS);
                }
            }
        }
    }

    private static <T> List<T> listOf(Random r, Function<Random, T> element)
    {
        List<T> out = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
            out.add(element.apply(r));
        }
        return out;
    }

    private static String text(Random r)
    {
        return r.nextInt(6) == 0 ? null : List.of("", "a", "héllo ☃", "x".repeat(300), "\"q\"\n").get(r.nextInt(5));
    }

    private static Map<String, Object> lineOf(Random r)
    {
        if (r.nextInt(6) == 0) {
            return null;
        }
        Map<String, Object> line = new HashMap<>();
        line.put("sku", text(r));
        if (r.nextBoolean()) {
            line.put("qty", r.nextLong());
        }
        line.put("price", r.nextInt(4) == 0 ? null : BigDecimal.valueOf(r.nextInt(1_000_000), 2).setScale(9));
        return line;
    }

    private static Map<String, Object> addressOf(Random r)
    {
        Map<String, Object> address = new HashMap<>();
        address.put("city", text(r));
        if (r.nextBoolean()) {
            address.put("geo", Map.of("lat", BigDecimal.valueOf(r.nextInt(90_000_000), 6).setScale(9),
                    "lon", BigDecimal.valueOf(-r.nextInt(180_000_000), 6).setScale(9)));
        }
        if (r.nextBoolean()) {
            address.put("phones", listOf(r, ComplexVectorWriterTest::text));
        }
        return address;
    }
}
