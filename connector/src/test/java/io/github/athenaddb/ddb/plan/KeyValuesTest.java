package io.github.athenaddb.ddb.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class KeyValuesTest
{
    static Stream<Arguments> numbers()
    {
        return Stream.of(
                arguments(5L, "5"),
                arguments(-42L, "-42"),
                arguments(7, "7"),
                arguments(Long.MAX_VALUE, "9223372036854775807"),
                arguments(new BigDecimal("5.00"), "5"),
                arguments(new BigDecimal("5.000000000"), "5"),
                arguments(new BigDecimal("-0.000"), "0"),
                arguments(BigDecimal.ZERO, "0"),
                arguments(new BigDecimal("1.250"), "1.25"),
                arguments(new BigDecimal("1E+3"), "1000"),
                arguments(new BigDecimal("1200"), "1200"),
                arguments(new BigDecimal("0.000001000"), "0.000001"));
    }

    @ParameterizedTest(name = "{0} -> N {1}")
    @MethodSource("numbers")
    void numbersBecomeCanonicalN(Object value, String expected)
    {
        assertThat(KeyValues.of("N", value)).contains(AttributeValue.fromN(expected));
    }

    @Test
    void textBecomesSExactly()
    {
        assertThat(KeyValues.of("S", "Àda ✓ 😀")).contains(AttributeValue.fromS("Àda ✓ 😀"));
        assertThat(KeyValues.of("S", " padded ")).contains(AttributeValue.fromS(" padded "));
    }

    @Test
    void textNoKeyCanHoldIsRefused()
    {
        assertThat(KeyValues.of("S", "")).isEmpty();
        assertThat(KeyValues.of("S", "x".repeat(1025))).isEmpty();
        assertThat(KeyValues.of("S", "é".repeat(513))).as("1,026 UTF-8 bytes").isEmpty();
        assertThat(KeyValues.of("S", "x".repeat(1024))).contains(AttributeValue.fromS("x".repeat(1024)));
    }

    @Test
    void valuesOfAnotherTypeAreRefused()
    {
        assertThat(KeyValues.of("N", "5")).isEmpty();
        assertThat(KeyValues.of("N", 5.0d)).isEmpty();
        assertThat(KeyValues.of("N", true)).isEmpty();
        assertThat(KeyValues.of("S", 5L)).isEmpty();
        assertThat(KeyValues.of("S", new BigDecimal("5"))).isEmpty();
    }

    @Test
    void binaryKeysAndNullAreRefused()
    {
        assertThat(KeyValues.of("B", new byte[] {1, 2})).isEmpty();
        assertThat(KeyValues.of("B", "AQI=")).isEmpty();
        assertThat(KeyValues.of("S", null)).isEmpty();
        assertThat(KeyValues.of("N", null)).isEmpty();
    }
}
