package io.github.athenaddb.ddb.types;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

class AttributeJsonTest
{
    private static SdkBytes bytes(int... values)
    {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return SdkBytes.fromByteArray(b);
    }

    @Test
    void stringIsAJsonString()
    {
        assertThat(AttributeJson.toJson(s("hello"))).isEqualTo("\"hello\"");
    }

    @Test
    void numberIsAJsonNumber()
    {
        assertThat(AttributeJson.toJson(n("42"))).isEqualTo("42");
        assertThat(AttributeJson.toJson(n("-0.5"))).isEqualTo("-0.5");
    }

    @Test
    void numbersStayExact()
    {
        assertThat(AttributeJson.toJson(n("123456789012345678901234567890.123"))).isEqualTo("123456789012345678901234567890.123");
        assertThat(AttributeJson.toJson(n("1.50"))).isEqualTo("1.50");
    }

    @Test
    void smallAndLargeNumbersKeepTheirDecimalText()
    {
        assertThat(AttributeJson.toJson(n("0.0000001"))).isEqualTo("0.0000001");
        assertThat(AttributeJson.toJson(n("100000000000000000000000000000000000000"))).isEqualTo("100000000000000000000000000000000000000");
    }

    @Test
    void binaryIsBase64()
    {
        assertThat(AttributeJson.toJson(AttributeValue.fromB(bytes(0, 1, 0xfe, 0xff)))).isEqualTo("\"AAH+/w==\"");
    }

    @Test
    void boolIsTrueOrFalse()
    {
        assertThat(AttributeJson.toJson(AttributeValue.fromBool(true))).isEqualTo("true");
        assertThat(AttributeJson.toJson(AttributeValue.fromBool(false))).isEqualTo("false");
    }

    @Test
    void nullIsJsonNull()
    {
        assertThat(AttributeJson.toJson(AttributeValue.fromNul(true))).isEqualTo("null");
        assertThat(AttributeJson.toJson(null)).isEqualTo("null");
    }

    @Test
    void setsAreArrays()
    {
        assertThat(AttributeJson.toJson(AttributeValue.fromSs(List.of("a", "b")))).isEqualTo("[\"a\",\"b\"]");
        assertThat(AttributeJson.toJson(AttributeValue.fromNs(List.of("1", "2.25", "-3")))).isEqualTo("[1,2.25,-3]");
        assertThat(AttributeJson.toJson(AttributeValue.fromBs(List.of(bytes(1), bytes(2, 3))))).isEqualTo("[\"AQ==\",\"AgM=\"]");
    }

    @Test
    void listMixesKinds()
    {
        AttributeValue list = l(s("x"), n("1"), AttributeValue.fromBool(true), AttributeValue.fromNul(true), l(), m(Map.of()));
        assertThat(AttributeJson.toJson(list)).isEqualTo("[\"x\",1,true,null,[],{}]");
    }

    @Test
    void mapKeysComeInNameOrderAndNest()
    {
        Map<String, AttributeValue> inner = new LinkedHashMap<>();
        inner.put("zip", s("69001"));
        inner.put("geo", l(n("45.75"), n("4.85")));
        Map<String, AttributeValue> outer = new LinkedHashMap<>();
        outer.put("name", s("Ann"));
        outer.put("address", m(inner));
        outer.put("tags", AttributeValue.fromSs(List.of("vip")));

        assertThat(AttributeJson.toJson(m(outer)))
                .isEqualTo("{\"address\":{\"geo\":[45.75,4.85],\"zip\":\"69001\"},\"name\":\"Ann\",\"tags\":[\"vip\"]}");
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped()
    {
        assertThat(AttributeJson.toJson(s("say \"hi\"\\\n\ttab\u0001")))
                .isEqualTo("\"say \\\"hi\\\"\\\\\\n\\ttab\\u0001\"");
    }

    @Test
    void unicodeIsWrittenAsIs()
    {
        assertThat(AttributeJson.toJson(s("héllo ☃ 😀"))).isEqualTo("\"héllo ☃ 😀\"");
    }

    @Test
    void mapKeysAreEscapedToo()
    {
        assertThat(AttributeJson.toJson(m(Map.of("a\"b\n", s("v"))))).isEqualTo("{\"a\\\"b\\n\":\"v\"}");
    }
}
