package io.github.athenaddb.local;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

class RcuLowerBoundTest
{
    @Test
    void anAttributeIsItsNameUtf8BytesPlusItsValueBytes()
    {
        assertThat(RcuLowerBound.itemSize(Map.of("id", s("abc")))).isEqualTo(5);
        // "é" and "€" are 2 and 3 UTF-8 bytes.
        assertThat(RcuLowerBound.itemSize(Map.of("é", s("€")))).isEqualTo(5);
        assertThat(RcuLowerBound.itemSize(Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10]))))).isEqualTo(11);
        assertThat(RcuLowerBound.itemSize(Map.of("ok", AttributeValue.fromBool(true), "x", AttributeValue.fromNul(true)))).isEqualTo(5);
    }

    @Test
    void numbersCostOneBytePerTwoSignificantDigitsPlusOne()
    {
        assertThat(RcuLowerBound.numberSize("0")).isEqualTo(1);
        assertThat(RcuLowerBound.numberSize("7")).isEqualTo(2);
        assertThat(RcuLowerBound.numberSize("12")).isEqualTo(2);
        assertThat(RcuLowerBound.numberSize("123")).isEqualTo(3);
        // Leading and trailing zeros are trimmed; the sign and the point cost nothing.
        // 1200.5: five significant digits.
        assertThat(RcuLowerBound.numberSize("-001200.500")).isEqualTo(4);
        assertThat(RcuLowerBound.numberSize("1000000")).isEqualTo(2);
    }

    @Test
    void listsAndMapsCostThreeBytesPlusOnePerElement()
    {
        assertThat(RcuLowerBound.itemSize(Map.of("l", l()))).isEqualTo(1 + 3);
        assertThat(RcuLowerBound.itemSize(Map.of("l", l(s("ab"), n("5"))))).isEqualTo(1 + 3 + 2 + (2 + 2));
        assertThat(RcuLowerBound.itemSize(Map.of("m", m(Map.of("k", s("v")))))).isEqualTo(1 + 3 + 1 + (1 + 1));
        assertThat(RcuLowerBound.itemSize(Map.of("ss", AttributeValue.fromSs(java.util.List.of("a", "bc"))))).isEqualTo(2 + 3);
    }

    @Test
    void theBoundIsTheSummedSizeInFourKilobyteUnitsTimesAHalfAndAtLeastAHalfPerRequest()
    {
        RcuLowerBound bound = new RcuLowerBound();
        assertThat(bound.rcu()).isEqualTo(0.5);
        bound.add(Map.of("id", s("x".repeat(98))));
        assertThat(bound.bytes()).isEqualTo(100);
        assertThat(bound.rcu()).isEqualTo(0.5);
        assertThat(bound.rcu(3)).isEqualTo(1.5);
        for (int i = 1; i < 41; i++) {
            bound.add(Map.of("id", s("x".repeat(98))));
        }
        // 41 items of 100 bytes: 4,100 bytes, just over one 4 KB unit.
        assertThat(bound.items()).isEqualTo(41);
        assertThat(bound.rcu()).isEqualTo(1.0);
        RcuLowerBound big = new RcuLowerBound();
        for (int i = 0; i < 1000; i++) {
            big.add(Map.of("id", s("y".repeat(4094))));
        }
        assertThat(big.rcu()).isEqualTo(500.0);
    }
}
