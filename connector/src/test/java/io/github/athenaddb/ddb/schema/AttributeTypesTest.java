package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ddb.schema.InferredType.Decimal;
import io.github.athenaddb.ddb.schema.InferredType.ListOf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static io.github.athenaddb.ddb.schema.InferredType.BINARY;
import static io.github.athenaddb.ddb.schema.InferredType.BOOL;
import static io.github.athenaddb.ddb.schema.InferredType.INTEGRAL;
import static io.github.athenaddb.ddb.schema.InferredType.MIXED;
import static io.github.athenaddb.ddb.schema.InferredType.NULL;
import static io.github.athenaddb.ddb.schema.InferredType.TEXT;
import static io.github.athenaddb.ddb.schema.InferredTypeTest.struct;
import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

class AttributeTypesTest
{
    @Test
    void scalarKindsMapToTheirTypes()
    {
        assertThat(AttributeTypes.of(s("x"))).isEqualTo(TEXT);
        assertThat(AttributeTypes.of(AttributeValue.fromB(SdkBytes.fromUtf8String("x")))).isEqualTo(BINARY);
        assertThat(AttributeTypes.of(AttributeValue.fromBool(false))).isEqualTo(BOOL);
        assertThat(AttributeTypes.of(AttributeValue.fromNul(true))).isEqualTo(NULL);
        assertThat(AttributeTypes.of(null)).isEqualTo(NULL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "0", "-9223372036854775808", "9223372036854775807", "7.000", "1E+2", "-0.0"})
    void integralNumberWithin64BitsIsIntegral(String number)
    {
        assertThat(AttributeTypes.of(n(number))).isEqualTo(INTEGRAL);
    }

    @ParameterizedTest
    @CsvSource({
            "3.14, 1, 2",
            "-123.4500, 3, 2",
            "0.001, 1, 3",
            "9223372036854775808, 19, 0",
            "-9223372036854775809, 19, 0",
            "1E+30, 31, 0",
            "123456789012345678901234567890.123, 30, 3"})
    void otherNumbersAreDecimalsSizedToHoldThem(String number, int integerDigits, int scale)
    {
        assertThat(AttributeTypes.of(n(number))).isEqualTo(new Decimal(integerDigits, scale));
    }

    @Test
    void setsAreLists()
    {
        assertThat(AttributeTypes.of(AttributeValue.fromSs(List.of("a")))).isEqualTo(new ListOf(TEXT));
        assertThat(AttributeTypes.of(AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("a"))))).isEqualTo(new ListOf(BINARY));
        assertThat(AttributeTypes.of(AttributeValue.fromNs(List.of("1", "2")))).isEqualTo(new ListOf(INTEGRAL));
        assertThat(AttributeTypes.of(AttributeValue.fromNs(List.of("1", "2.5")))).isEqualTo(new ListOf(new Decimal(19, 1)));
    }

    @Test
    void homogeneousListIsAListOfItsElementType()
    {
        assertThat(AttributeTypes.of(l(s("a"), AttributeValue.fromNul(true), s("b")))).isEqualTo(new ListOf(TEXT));
        assertThat(AttributeTypes.of(l(n("1"), n("0.25")))).isEqualTo(new ListOf(new Decimal(19, 2)));
    }

    @Test
    void emptyListHasNoElementTypeYet()
    {
        assertThat(AttributeTypes.of(l())).isEqualTo(new ListOf(NULL));
    }

    @Test
    void listMixingKindsIsMixed()
    {
        assertThat(AttributeTypes.of(l(s("a"), n("1")))).isEqualTo(MIXED);
        assertThat(AttributeTypes.of(l(s("a"), m(Map.of("k", s("v")))))).isEqualTo(MIXED);
    }

    @Test
    void listOfMapsMergesTheirFields()
    {
        AttributeValue list = l(m(Map.of("sku", s("A"))), m(Map.of("qty", n("2"))));
        assertThat(AttributeTypes.of(list)).isEqualTo(new ListOf(struct("qty", INTEGRAL, "sku", TEXT)));
    }

    @Test
    void mapIsAStructOfItsFields()
    {
        AttributeValue map = m(Map.of("zip", s("69001"), "geo", m(Map.of("lat", n("45.75"))), "tags", l(s("x"))));
        assertThat(AttributeTypes.of(map)).isEqualTo(struct(
                "geo", struct("lat", new Decimal(2, 2)),
                "tags", new ListOf(TEXT),
                "zip", TEXT));
    }

    @Test
    void emptyMapIsAStructWithoutFields()
    {
        assertThat(AttributeTypes.of(m(Map.of()))).isEqualTo(struct());
    }
}
