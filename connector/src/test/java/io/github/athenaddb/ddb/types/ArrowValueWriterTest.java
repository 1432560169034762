package io.github.athenaddb.ddb.types;

import io.github.athenaddb.arrow.ArrowValueWriter;
import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import io.github.athenaddb.ddb.schema.InferredType;
import org.apache.arrow.vector.types.Types.MinorType;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.ddb.types.BlockColumn.asList;
import static io.github.athenaddb.ddb.types.BlockColumn.asStruct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every DynamoDB kind written into a real Arrow block through the column type inference gives it. */
class ArrowValueWriterTest
{
    private static final AttributeValue NUL = AttributeValue.fromNul(true);

    @Test
    void stringFillsVarcharColumn()
    {
        try (BlockColumn column = BlockColumn.inferredFrom("name", s("Ann"))) {
            assertThat(column.field().getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
            assertThat(column.roundTrip(s("Ann"), s(""), s("héllo ☃ \"q\"\n"))).containsExactly("Ann", "", "héllo ☃ \"q\"\n");
        }
    }

    @Test
    void integralNumbersFillBigintColumn()
    {
        try (BlockColumn column = BlockColumn.inferredFrom("qty", n("42"), n("-9223372036854775808"), n("9223372036854775807"))) {
            assertThat(column.field().getType()).isEqualTo(new ArrowType.Int(64, true));
            assertThat(column.roundTrip(n("42"), n("-9223372036854775808"), n("9223372036854775807"), n("0")))
                    .containsExactly(42L, Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        }
    }

    /** Decimals of up to 18 digits are written through a long, longer ones through Arrow's BigDecimal path. */
    @Test
    void decimalsEitherSideOfEighteenDigitsReadBack()
    {
        try (BlockColumn column = BlockColumn.inferredFrom("price", n("3.14"))) {
            assertThat(column.roundTrip(n("999999999.999999999"), n("-999999999.999999999"), n("1000000000"), n("-1000000000"),
                    n("-0.5")))
                    .containsExactly(new BigDecimal("999999999.999999999"), new BigDecimal("-999999999.999999999"),
                            new BigDecimal("1000000000.000000000"), new BigDecimal("-1000000000.000000000"), new BigDecimal("-0.500000000"));
        }
    }

    @Test
    void fractionalNumbersFillDecimal38Scale9Column()
    {
        try (BlockColumn column = BlockColumn.inferredFrom("price", n("3.14"), n("7"))) {
            assertThat(column.field().getType()).isEqualTo(new ArrowType.Decimal(38, 9, 128));
            assertThat(column.roundTrip(n("3.14"), n("7"), n("-0.000000001"), n("12345678901234567890123456789.5")))
                    .containsExactly(new BigDecimal("3.140000000"), new BigDecimal("7.000000000"),
                            new BigDecimal("-0.000000001"), new BigDecimal("12345678901234567890123456789.500000000"));
            assertThat(column.misfits()).isEmpty();
        }
    }

    @Test
    void binaryFillsVarbinaryColumn()
    {
        byte[] bytes = {0, 1, (byte) 0xff};
        try (BlockColumn column = BlockColumn.inferredFrom("blob", AttributeValue.fromB(SdkBytes.fromByteArray(bytes)))) {
            assertThat(column.field().getType()).isEqualTo(ArrowType.Binary.INSTANCE);
            assertThat(column.roundTrip(AttributeValue.fromB(SdkBytes.fromByteArray(bytes)))).isEqualTo(bytes);
        }
    }

    @Test
    void boolFillsBitColumn()
    {
        try (BlockColumn column = BlockColumn.inferredFrom("active", AttributeValue.fromBool(true))) {
            assertThat(column.field().getType()).isEqualTo(ArrowType.Bool.INSTANCE);
            assertThat(column.roundTrip(AttributeValue.fromBool(true), AttributeValue.fromBool(false)))
                    .containsExactly(true, false);
        }
    }

    @Test
    void nullAndMissingValuesBecomeNullRowsBetweenValues()
    {
        try (BlockColumn column = BlockColumn.of("qty", InferredType.INTEGRAL)) {
            assertThat(column.roundTrip(n("1"), NUL, null, n("4"))).containsExactly(1L, null, null, 4L);
            assertThat(column.misfits()).isEmpty();
        }
    }

    @Test
    void stringSetBecomesListOfVarchar()
    {
        try (BlockColumn column = BlockColumn.inferredFrom("tags", AttributeValue.fromSs(List.of("a", "b")))) {
            assertThat(column.field().getType()).isEqualTo(ArrowType.List.INSTANCE);
            assertThat(column.field().getChildren().get(0).getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
            assertThat(column.roundTrip(AttributeValue.fromSs(List.of("a", "b")))).isEqualTo(List.of("a", "b"));
        }
    }

    @Test
    void integralNumberSetBecomesListOfBigint()
    {
        AttributeValue ns = AttributeValue.fromNs(List.of("1", "-20", "300"));
        try (BlockColumn column = BlockColumn.inferredFrom("ids", ns)) {
            assertThat(column.field().getChildren().get(0).getType()).isEqualTo(new ArrowType.Int(64, true));
            assertThat(column.roundTrip(ns)).isEqualTo(List.of(1L, -20L, 300L));
        }
    }

    @Test
    void fractionalNumberSetBecomesListOfDecimal()
    {
        AttributeValue ns = AttributeValue.fromNs(List.of("1", "2.5"));
        try (BlockColumn column = BlockColumn.inferredFrom("weights", ns)) {
            assertThat(column.field().getChildren().get(0).getType()).isEqualTo(new ArrowType.Decimal(38, 9, 128));
            assertThat(column.roundTrip(ns)).isEqualTo(List.of(new BigDecimal("1.000000000"), new BigDecimal("2.500000000")));
        }
    }

    @Test
    void binarySetBecomesListOfVarbinary()
    {
        AttributeValue bs = AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[] {2, 3})));
        try (BlockColumn column = BlockColumn.inferredFrom("blobs", bs)) {
            assertThat(column.field().getChildren().get(0).getType()).isEqualTo(ArrowType.Binary.INSTANCE);
            assertThat(asList(column.roundTrip(bs))).containsExactly(new byte[] {1}, new byte[] {2, 3});
        }
    }

    @Test
    void homogeneousListBecomesList()
    {
        AttributeValue list = l(s("x"), s("y"), s("z"));
        try (BlockColumn column = BlockColumn.inferredFrom("letters", list)) {
            assertThat(column.field().getType()).isEqualTo(ArrowType.List.INSTANCE);
            assertThat(column.roundTrip(list, l())).containsExactly(List.of("x", "y", "z"), List.of());
        }
    }

    @Test
    void nullElementInsideListStaysInPlace()
    {
        AttributeValue list = l(s("a"), NUL, s("b"));
        try (BlockColumn column = BlockColumn.inferredFrom("letters", list)) {
            assertThat(column.roundTrip(list)).isEqualTo(Arrays.asList("a", null, "b"));
        }
    }

    @Test
    void structHoldsEveryScalarKind()
    {
        AttributeValue item = m(Map.of(
                "s", s("text"), "i", n("7"), "d", n("0.5"), "flag", AttributeValue.fromBool(true),
                "raw", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {9}))));
        try (BlockColumn column = BlockColumn.inferredFrom("all", item)) {
            Map<String, Object> read = asStruct(column.roundTrip(item));
            assertThat(read).containsOnlyKeys("s", "i", "d", "flag", "raw")
                    .containsEntry("s", "text")
                    .containsEntry("i", 7L)
                    .containsEntry("d", new BigDecimal("0.500000000"))
                    .containsEntry("flag", true);
            assertThat((byte[]) read.get("raw")).containsExactly(9);
        }
    }

    @Test
    void mapBecomesStructWithAFieldMissingFromOneItem()
    {
        AttributeValue full = m(Map.of("city", s("Lyon"), "zip", n("69001")));
        AttributeValue partial = m(Map.of("city", s("Nice")));
        try (BlockColumn column = BlockColumn.inferredFrom("address", full, partial)) {
            assertThat(column.field().getType()).isEqualTo(ArrowType.Struct.INSTANCE);
            assertThat(column.field().getChildren()).extracting(Field::getName).containsExactly("city", "zip");
            List<Object> rows = column.roundTrip(full, partial);
            assertThat(rows.get(0)).isEqualTo(Map.of("city", "Lyon", "zip", 69001L));
            assertThat(asStruct(rows.get(1))).containsEntry("city", "Nice").doesNotContainEntry("zip", 69001L);
            assertThat((asStruct(rows.get(1))).get("zip")).isNull();
        }
    }

    @Test
    void nullRowsBetweenListRowsKeepOffsetsRight()
    {
        AttributeValue[] rows = {l(n("1"), n("2")), null, l(n("3")), NUL, l(), l(n("4"), n("5"), n("6"))};
        try (BlockColumn column = BlockColumn.inferredFrom("nums", rows)) {
            assertThat(column.roundTrip(rows)).containsExactly(
                    List.of(1L, 2L), null, List.of(3L), null, List.of(), List.of(4L, 5L, 6L));
        }
    }

    @Test
    void nullRowsBetweenStructRowsKeepOtherRowsIntact()
    {
        AttributeValue[] rows = {m(Map.of("a", s("x"), "b", l(s("p")))), null, m(Map.of("a", s("y"), "b", l(s("q"), s("r"))))};
        try (BlockColumn column = BlockColumn.inferredFrom("st", rows)) {
            assertThat(column.roundTrip(rows)).containsExactly(
                    Map.of("a", "x", "b", List.of("p")), null, Map.of("a", "y", "b", List.of("q", "r")));
        }
    }

    @Test
    void structOfListOfStructRoundTrips()
    {
        AttributeValue first = m(Map.of("orders", l(
                m(Map.of("sku", s("A-1"), "qty", n("2"))),
                m(Map.of("sku", s("B-2"), "qty", n("1"), "price", n("9.99"))))));
        AttributeValue second = m(Map.of("orders", l(m(Map.of("sku", s("C-3"), "qty", n("5"))))));
        try (BlockColumn column = BlockColumn.inferredFrom("customer", first, second)) {
            Field element = column.field().getChildren().get(0).getChildren().get(0);
            assertThat(element.getChildren()).extracting(Field::getName).containsExactly("price", "qty", "sku");

            List<Object> rows = column.roundTrip(first, null, second);

            List<Object> orders = asList(asStruct(rows.get(0)).get("orders"));
            assertThat(orders).hasSize(2);
            assertThat(asStruct(orders.get(0))).containsEntry("sku", "A-1").containsEntry("qty", 2L);
            assertThat((asStruct(orders.get(0))).get("price")).isNull();
            assertThat(orders.get(1)).isEqualTo(Map.of("sku", "B-2", "qty", 1L, "price", new BigDecimal("9.990000000")));
            assertThat(rows.get(1)).isNull();
            assertThat(rows.get(2)).isEqualTo(Map.of("orders", List.of(Map.of("sku", "C-3", "qty", 5L))));
        }
    }

    @Test
    void listOfListsRoundTrips()
    {
        AttributeValue matrix = l(l(n("1"), n("2")), l(), l(n("3")));
        AttributeValue other = l(l(n("4")));
        try (BlockColumn column = BlockColumn.inferredFrom("matrix", matrix, other)) {
            assertThat(column.field().getChildren().get(0).getType()).isEqualTo(ArrowType.List.INSTANCE);
            assertThat(column.roundTrip(matrix, null, other)).containsExactly(
                    List.of(List.of(1L, 2L), List.of(), List.of(3L)), null, List.of(List.of(4L)));
        }
    }

    @Test
    void structInStructInStructRoundTrips()
    {
        AttributeValue profile = m(Map.of("address", m(Map.of("geo", m(Map.of("lat", n("45.75"), "lon", n("4.85")))))));
        try (BlockColumn column = BlockColumn.inferredFrom("profile", profile)) {
            assertThat(column.roundTrip(profile)).isEqualTo(Map.of("address", Map.of("geo",
                    Map.of("lat", new BigDecimal("45.750000000"), "lon", new BigDecimal("4.850000000")))));
        }
    }

    @Test
    void unsupportedVectorTypeIsRejectedWithTheColumnName()
    {
        Field uint32 = new Field("small", FieldType.nullable(new ArrowType.Int(32, false)), null);
        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
            Block block = allocator.createBlock(new Schema(List.of(uint32)));
            assertThat(block.getFieldVector("small").getMinorType()).isEqualTo(MinorType.UINT4);
            assertThatThrownBy(() -> ArrowValueWriter.write(block.getFieldVector("small"), 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("small")
                    .hasMessageContaining("UINT4");
            assertThatThrownBy(() -> ArrowValueWriter.write(block.getFieldVector("small"), 0, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void declaredScalarsFillTheirVectorsAndReadBack()
    {
        record Case(String glue, AttributeValue value, MinorType vector, Object read) {}
        List<Case> cases = List.of(
                new Case("tinyint", n("-128"), MinorType.TINYINT, (byte) -128),
                new Case("smallint", n("32767"), MinorType.SMALLINT, (short) 32767),
                new Case("int", s("-2147483648"), MinorType.INT, Integer.MIN_VALUE),
                new Case("float", n("0.1"), MinorType.FLOAT4, 0.1f),
                new Case("double", n("0.1"), MinorType.FLOAT8, 0.1d),
                new Case("decimal(4,1)", n("-999.9"), MinorType.DECIMAL, new BigDecimal("-999.9")),
                new Case("date", s("2024-02-29"), MinorType.DATEDAY, (int) LocalDate.of(2024, 2, 29).toEpochDay()),
                new Case("date", s("1969-12-31"), MinorType.DATEDAY, -1),
                new Case("timestamp", s("2026-10-03 10:15:30.123"), MinorType.DATEMILLI, LocalDateTime.of(2026, 10, 3, 10, 15, 30, 123_000_000)),
                new Case("timestamp", s("1969-12-31T23:59:59.999Z"), MinorType.DATEMILLI, LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000)));
        for (Case c : cases) {
            try (BlockColumn column = BlockColumn.declared("c", c.glue())) {
                List<Object> rows = column.roundTrip(c.value(), null, c.value());
                assertThat(rows).as(c.glue()).containsExactly(c.read(), null, c.read());
                assertThat(column.misfits()).as(c.glue()).isEmpty();
            }
        }
    }

    @Test
    void timestampIsStoredAsMillisecondsSinceTheEpochAtUtc()
    {
        Field field = io.github.athenaddb.ddb.schema.GlueTypes.toField("ts", "timestamp");
        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
            Block block = allocator.createBlock(new Schema(List.of(field)));
            ArrowValueWriter.write(block.getFieldVector("ts"), 0, ValueCoercer.coerce(field, s("1970-01-02T00:00:00.001+01:00"), "ts", Misfits.IGNORE));
            block.setRowCount(1);
            assertThat(((org.apache.arrow.vector.DateMilliVector) block.getFieldVector("ts")).get(0)).isEqualTo(82_800_001L);
        }
    }

    @Test
    void mapColumnHoldsEntriesSortedByKeyWithNullValues()
    {
        AttributeValue attrs = m(Map.of("size", n("42"), "color", n("7"), "none", NUL));
        try (BlockColumn column = BlockColumn.declared("attrs", "map<string,int>")) {
            assertThat(column.field().getType()).isEqualTo(new ArrowType.Map(false));
            List<Object> rows = column.roundTrip(attrs, null, m(Map.of()), m(Map.of("x", n("1"))));
            assertThat(rows.get(0)).isEqualTo(List.of(entry("color", 7), entry("none", null), entry("size", 42)));
            assertThat(rows.get(1)).isNull();
            assertThat(rows.get(2)).isEqualTo(List.of());
            assertThat(rows.get(3)).isEqualTo(List.of(entry("x", 1)));
        }
    }

    @Test
    void mapOfStructsAndArrayOfMapsRoundTrip()
    {
        AttributeValue byDay = m(Map.of("mon", m(Map.of("opens", s("2026-10-05T09:00:00"), "staff", n("3")))));
        AttributeValue versions = l(m(Map.of("a", s("2026-10-03"))), m(Map.of()), NUL);
        try (BlockColumn hours = BlockColumn.declared("hours", "map<string,struct<opens:timestamp,staff:tinyint>>");
                BlockColumn history = BlockColumn.declared("history", "array<map<string,date>>")) {
            assertThat(hours.roundTrip(byDay)).isEqualTo(List.of(entry("mon",
                    Map.of("opens", LocalDateTime.of(2026, 10, 5, 9, 0), "staff", (byte) 3))));
            assertThat(history.roundTrip(versions)).isEqualTo(Arrays.asList(
                    List.of(entry("a", (int) LocalDate.of(2026, 10, 3).toEpochDay())), List.of(), null));
            assertThat(hours.misfits()).isEmpty();
            assertThat(history.misfits()).isEmpty();
        }
    }

    @Test
    void structOfEveryDeclaredScalarRoundTrips()
    {
        AttributeValue item = m(Map.of("t", n("1"), "s", n("2"), "i", n("3"), "f", n("1.5"), "d", n("2.5"),
                "day", s("2026-10-03"), "at", s("2026-10-03T10:15:30Z")));
        try (BlockColumn column = BlockColumn.declared("all", "struct<t:tinyint,s:smallint,i:int,f:real,d:double,day:date,at:timestamp>")) {
            assertThat(column.roundTrip(item, null)).containsExactly(Map.of("t", (byte) 1, "s", (short) 2, "i", 3, "f", 1.5f, "d", 2.5d,
                    "day", (int) LocalDate.of(2026, 10, 3).toEpochDay(), "at", LocalDateTime.of(2026, 10, 3, 10, 15, 30)), null);
        }
    }

    /** A map entry as the map vector reads it back; Arrow leaves a null value out of the entry. */
    private static Map<String, Object> entry(String key, Object value)
    {
        return value == null ? Map.of("key", key) : Map.of("key", key, "value", value);
    }
}
