package io.github.athenaddb.ddb.types;

import io.github.athenaddb.ddb.schema.ArrowFieldMapper;
import io.github.athenaddb.ddb.schema.GlueTypes;
import io.github.athenaddb.ddb.schema.InferredType;
import io.github.athenaddb.ddb.types.BlockColumn.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.apache.arrow.vector.types.pojo.Field;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/** The documented coercions between DynamoDB values and column types, and the misfits reported. */
class ValueCoercerTest
{
    private static final InferredType DECIMAL_38_9 = new InferredType.Decimal(1, 9);

    @Test
    void integralStringFitsBigintColumn()
    {
        try (BlockColumn column = BlockColumn.of("qty", InferredType.INTEGRAL)) {
            assertThat(column.roundTrip(s("42"), s(" -7 "), n("7.000"))).containsExactly(42L, -7L, 7L);
            assertThat(column.misfits()).isEmpty();
        }
    }

    @Test
    void fractionalNumberInBigintColumnIsNullAndReported()
    {
        try (BlockColumn column = BlockColumn.of("qty", InferredType.INTEGRAL)) {
            assertThat(column.roundTrip(n("1"), n("4.5"), n("2"))).containsExactly(1L, null, 2L);
            assertThat(column.misfits()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("qty");
                assertThat(r.problem()).contains("4.5").contains("BIGINT");
            });
        }
    }

    @Test
    void numberBeyond64BitsInBigintColumnIsNullAndReported()
    {
        try (BlockColumn column = BlockColumn.of("qty", InferredType.INTEGRAL)) {
            assertThat(column.roundTrip(n("9223372036854775808"))).isNull();
            assertThat(column.misfits()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("qty");
                assertThat(r.problem()).contains("9223372036854775808").contains("64-bit");
            });
        }
    }

    @Test
    void nonNumericStringInDecimalColumnIsNullAndReported()
    {
        try (BlockColumn column = BlockColumn.of("price", DECIMAL_38_9)) {
            assertThat(column.roundTrip(s("abc"))).isNull();
            assertThat(column.misfits()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("price");
                assertThat(r.problem()).contains("'abc'").contains("DECIMAL");
            });
        }
    }

    @Test
    void numericStringFitsDecimalColumn()
    {
        try (BlockColumn column = BlockColumn.of("price", DECIMAL_38_9)) {
            assertThat(column.roundTrip(s(" 12.5 "))).isEqualTo(new BigDecimal("12.500000000"));
            assertThat(column.misfits()).isEmpty();
        }
    }

    @Test
    void extraFractionalDigitsAreRoundedHalfEvenAndReported()
    {
        try (BlockColumn column = BlockColumn.of("price", DECIMAL_38_9)) {
            assertThat(column.roundTrip(n("2.000000000500"), n("2.000000001500"), n("-0.123456789999")))
                    .containsExactly(new BigDecimal("2.000000000"), new BigDecimal("2.000000002"), new BigDecimal("-0.123456790"));
            assertThat(column.misfits()).hasSize(3).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("price");
                assertThat(r.problem()).contains("rounded half-even").contains("DECIMAL(38,9)");
            });
        }
    }

    @Test
    void tooManyIntegerDigitsForDecimalIsNullAndReported()
    {
        String wide = "1".repeat(35);
        try (BlockColumn column = BlockColumn.of("price", DECIMAL_38_9)) {
            assertThat(column.roundTrip(n(wide))).isNull();
            assertThat(column.misfits()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("price");
                assertThat(r.problem()).contains("too many integer digits").contains("DECIMAL(38,9)");
            });
        }
    }

    @Test
    void bitColumnTakesBoolTrueFalseTextAndZeroOrOne()
    {
        try (BlockColumn column = BlockColumn.of("flag", InferredType.BOOL)) {
            assertThat(column.roundTrip(AttributeValue.fromBool(true), s("TRUE"), s("false"), n("1"), n("0"), n("1.0")))
                    .containsExactly(true, true, false, true, false, true);
            assertThat(column.misfits()).isEmpty();
        }
    }

    @Test
    void bitColumnReportsOtherNumbersAndWords()
    {
        try (BlockColumn column = BlockColumn.of("flag", InferredType.BOOL)) {
            assertThat(column.roundTrip(n("2"), s("yes"), l())).containsExactly(null, null, null);
            assertThat(column.misfits()).extracting(Report::problem)
                    .allSatisfy(p -> assertThat(p).contains("BOOLEAN"))
                    .hasSize(3);
        }
    }

    @Test
    void stringInVarbinaryColumnIsReported()
    {
        try (BlockColumn column = BlockColumn.of("blob", InferredType.BINARY)) {
            assertThat(column.roundTrip(s("AQI="))).isNull();
            assertThat(column.misfits()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("blob");
                assertThat(r.problem()).contains("VARBINARY");
            });
        }
    }

    static Stream<Arguments> varcharRenderings()
    {
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        ordered.put("b", n("1.50"));
        ordered.put("a", l(AttributeValue.fromBool(true), AttributeValue.fromNul(true), s("x")));
        return Stream.of(
                Arguments.of("S as is", s("plain \"text\""), "plain \"text\""),
                Arguments.of("N as its decimal text", n("1.50"), "1.50"),
                Arguments.of("BOOL as true/false", AttributeValue.fromBool(false), "false"),
                Arguments.of("B as base64", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, (byte) 0xff})), "AQL/"),
                Arguments.of("SS as JSON", AttributeValue.fromSs(List.of("a", "b")), "[\"a\",\"b\"]"),
                Arguments.of("NS as JSON", AttributeValue.fromNs(List.of("1", "2.5")), "[1,2.5]"),
                Arguments.of("BS as JSON", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1, 2}))), "[\"AQI=\"]"),
                Arguments.of("L as JSON", l(s("x"), n("3")), "[\"x\",3]"),
                Arguments.of("M as JSON", m(ordered), "{\"a\":[true,null,\"x\"],\"b\":1.50}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("varcharRenderings")
    void varcharColumnTakesAnythingAsDocumented(String rule, AttributeValue value, String expected)
    {
        try (BlockColumn column = BlockColumn.of("text", InferredType.TEXT)) {
            assertThat(column.roundTrip(value)).isEqualTo(expected);
            assertThat(column.misfits()).isEmpty();
        }
    }

    @Test
    void nullValueIsNullWithoutMisfit()
    {
        try (BlockColumn column = BlockColumn.of("qty", InferredType.INTEGRAL)) {
            assertThat(column.roundTrip(AttributeValue.fromNul(true), null)).containsExactly(null, null);
            assertThat(column.misfits()).isEmpty();
        }
    }

    @Test
    void misfitInListElementReportsItsIndex()
    {
        try (BlockColumn column = BlockColumn.of("tags", new InferredType.ListOf(InferredType.INTEGRAL))) {
            assertThat(column.roundTrip(l(n("1"), n("2"), s("three"), n("4"))))
                    .isEqualTo(Arrays.asList(1L, 2L, null, 4L));
            assertThat(column.misfits()).extracting(Report::path).containsExactly("tags[2]");
        }
    }

    @Test
    void misfitInNestedStructReportsDottedPath()
    {
        InferredType type = struct("address", struct("zip", InferredType.INTEGRAL, "city", InferredType.TEXT));
        try (BlockColumn column = BlockColumn.of("profile", type)) {
            Object read = column.roundTrip(m(Map.of("address", m(Map.of("zip", s("F-69001"), "city", s("Lyon"))))));
            assertThat(read).isEqualTo(Map.of("address", Map.of("city", "Lyon")));
            assertThat(column.misfits()).extracting(Report::path).containsExactly("profile.address.zip");
        }
    }

    @Test
    void structFieldLookupIgnoresCase()
    {
        try (BlockColumn column = BlockColumn.of("address", struct("zip", InferredType.TEXT))) {
            assertThat(column.roundTrip(m(Map.of("Zip", s("69001"))))).isEqualTo(Map.of("zip", "69001"));
            assertThat(column.misfits()).isEmpty();
        }
    }

    @Test
    void scalarInListOrStructColumnIsReported()
    {
        try (BlockColumn list = BlockColumn.of("tags", new InferredType.ListOf(InferredType.TEXT));
                BlockColumn struct = BlockColumn.of("address", struct("zip", InferredType.TEXT))) {
            assertThat(list.roundTrip(s("a,b"))).isNull();
            assertThat(list.misfits()).extracting(Report::problem).singleElement().asString().contains("ARRAY");
            assertThat(struct.roundTrip(l(s("69001")))).isNull();
            assertThat(struct.misfits()).extracting(Report::problem).singleElement().asString().contains("STRUCT");
        }
    }

    @Test
    void longValuesAreShortenedInMisfitReports()
    {
        try (BlockColumn column = BlockColumn.of("qty", InferredType.INTEGRAL)) {
            column.roundTrip(s("x".repeat(100)));
            assertThat(column.misfits()).extracting(Report::problem).singleElement().asString()
                    .contains("S '" + "x".repeat(37) + "...'")
                    .doesNotContain("x".repeat(38));
        }
    }

    @Test
    void coerceReturnsPlainJavaValuesForTheDocumentedTypes()
    {
        List<String> reports = new ArrayList<>();
        Misfits collect = (path, problem) -> reports.add(path);
        assertThat(ValueCoercer.coerce(ArrowFieldMapper.toField("b", InferredType.BINARY),
                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {5})), "b", collect)).isEqualTo(new byte[] {5});
        assertThat(ValueCoercer.coerce(ArrowFieldMapper.toField("l", new InferredType.ListOf(InferredType.TEXT)),
                AttributeValue.fromSs(List.of("x")), "l", collect)).isEqualTo(List.of("x"));
        assertThat(reports).isEmpty();
    }

    @Test
    void mapColumnTakesAnMWithEachValueByTheValueType()
    {
        Field field = GlueTypes.toField("stock", "map<string,smallint>");
        List<Report> reports = new ArrayList<>();
        Object read = ValueCoercer.coerce(field, m(Map.of("lyon", n("12"), "nice", s("7"), "paris", s("many"))), "stock",
                (path, problem) -> reports.add(new Report(path, problem)));
        Map<String, Object> expected = new TreeMap<>();
        expected.put("lyon", (short) 12);
        expected.put("nice", (short) 7);
        expected.put("paris", null);
        assertThat(read).isEqualTo(expected);
        assertThat(read).isInstanceOf(TreeMap.class);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("stock.paris");
            assertThat(r.problem()).contains("'many'").contains("SMALLINT");
        });
    }

    @Test
    void mapColumnWithNonTextKeysCannotHoldAnM()
    {
        try (BlockColumn column = BlockColumn.declared("byId", "map<int,string>")) {
            assertThat(column.roundTrip(m(Map.of("1", s("one"))))).isNull();
            assertThat(column.misfits()).singleElement().extracting(Report::problem).asString()
                    .contains("keys of an M are attribute names").contains("not VARCHAR").endsWith("read as null");
        }
    }

    @Test
    void scalarOrListInMapColumnIsReported()
    {
        try (BlockColumn column = BlockColumn.declared("attrs", "map<string,string>")) {
            assertThat(column.roundTrip(s("{}"), l(s("a")))).containsExactly(null, null);
            assertThat(column.misfits()).extracting(Report::problem).allSatisfy(p -> assertThat(p).contains("does not fit a MAP column"));
        }
    }

    @Test
    void unsignedIntegerColumnIsAMisfitNotAWrongValue()
    {
        Field uint = new Field("u", org.apache.arrow.vector.types.pojo.FieldType.nullable(new org.apache.arrow.vector.types.pojo.ArrowType.Int(32, false)), null);
        List<String> reports = new ArrayList<>();
        assertThat(ValueCoercer.coerce(uint, n("1"), "u", (path, problem) -> reports.add(problem))).isNull();
        assertThat(reports).singleElement().asString().contains("does not fit");
    }

    private static InferredType struct(Object... nameTypePairs)
    {
        TreeMap<String, InferredType> fields = new TreeMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.put((String) nameTypePairs[i], (InferredType) nameTypePairs[i + 1]);
        }
        return new InferredType.Struct(fields);
    }
}
