package io.github.athenaddb.ddb.types;

import io.github.athenaddb.ddb.types.BlockColumn.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Arrays;
import java.util.List;

import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/** Declared numeric columns: TINYINT, SMALLINT, INTEGER within their range; REAL and DOUBLE rounded. */
class NumberCoercerTest
{
    @Test
    void tinyintTakesIntegersFromMinus128To127()
    {
        try (BlockColumn column = BlockColumn.declared("t", "tinyint")) {
            assertThat(column.roundTrip(n("127"), n("-128"), n("0"), s(" 12 "), n("7.00"), s("-0")))
                    .containsExactly((byte) 127, (byte) -128, (byte) 0, (byte) 12, (byte) 7, (byte) 0);
            assertThat(column.misfits()).isEmpty();
        }
    }

    @Test
    void tinyintReportsValuesOutOfRange()
    {
        try (BlockColumn column = BlockColumn.declared("t", "tinyint")) {
            assertThat(column.roundTrip(n("128"), n("-129"), n("1.5"), n("1E+3"))).containsExactly(null, null, null, null);
            assertThat(column.misfits()).hasSize(4).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("t");
                assertThat(r.problem()).contains("is not an 8-bit integer, -128 to 127").contains("TINYINT").endsWith("read as null");
            });
            assertThat(column.misfits().get(0).problem()).contains("N '128'");
        }
    }

    /** Plain digits take a shortcut past BigDecimal; at its edges it must read what BigDecimal reads. */
    @Test
    void plainDigitsReadAsTheirBigDecimalWould()
    {
        try (BlockColumn column = BlockColumn.declared("b", "bigint")) {
            assertThat(column.roundTrip(n("999999999999999999"), n("-999999999999999999"), n("1000000000000000000"),
                    n("0007"), n("-0"), n("+5"), s(" -42 "), s("-"), n("1e3")))
                    .containsExactly(999999999999999999L, -999999999999999999L, 1000000000000000000L, 7L, 0L, 5L, -42L, null, 1000L);
            assertThat(column.misfits()).singleElement().extracting(Report::path).isEqualTo("b");
        }
    }

    @ParameterizedTest(name = "{0}: {1} fits, {2} does not")
    @CsvSource({
            "smallint, 32767, 32768, SMALLINT, 16-bit",
            "smallint, -32768, -32769, SMALLINT, 16-bit",
            "int, 2147483647, 2147483648, INTEGER, 32-bit",
            "int, -2147483648, -2147483649, INTEGER, 32-bit",
            "bigint, 9223372036854775807, 9223372036854775808, BIGINT, 64-bit",
    })
    void integerColumnsTakeTheirWholeRangeAndNoMore(String glue, String edge, String beyond, String column, String bits)
    {
        try (BlockColumn c = BlockColumn.declared("c", glue)) {
            List<Object> read = c.roundTrip(n(edge), s(edge), n(beyond));
            assertThat(read.get(0)).isEqualTo(read.get(1)).isNotNull();
            assertThat(read.get(0).toString()).isEqualTo(edge);
            assertThat(read.get(2)).isNull();
            assertThat(c.misfits()).singleElement().extracting(Report::problem).asString().contains(bits).contains(column);
        }
    }

    @Test
    void smallAndIntColumnsReadAsShortAndInteger()
    {
        try (BlockColumn small = BlockColumn.declared("s", "smallint"); BlockColumn integer = BlockColumn.declared("i", "int")) {
            assertThat(small.roundTrip(n("-300"))).isEqualTo((short) -300);
            assertThat(integer.roundTrip(s("70000"))).isEqualTo(70000);
        }
    }

    @Test
    void integerColumnsReportTextAndOtherKinds()
    {
        try (BlockColumn column = BlockColumn.declared("i", "int")) {
            assertThat(column.roundTrip(s("abc"), AttributeValue.fromBool(true), l(n("1")), s("0x10"))).containsExactly(null, null, null, null);
            assertThat(column.misfits()).extracting(Report::problem)
                    .allSatisfy(p -> assertThat(p).contains("does not fit a INTEGER column"));
        }
    }

    @Test
    void realRoundsToTheNearestFloat()
    {
        try (BlockColumn column = BlockColumn.declared("r", "real")) {
            assertThat(column.roundTrip(n("3.14"), s(" 2.5 "), n("16777217"), n("-0"), n("1E-50"), n("3.4028234E+38")))
                    .containsExactly(3.14f, 2.5f, 16777216f, 0f, 0f, Float.MAX_VALUE);
            assertThat(column.misfits()).isEmpty();
        }
    }

    @Test
    void doubleRoundsToTheNearestDouble()
    {
        try (BlockColumn column = BlockColumn.declared("d", "double")) {
            assertThat(column.roundTrip(n("0.1"), n("123456789012345678901234567890"), s("1e308"), n("-9.99E+125")))
                    .containsExactly(0.1d, 1.2345678901234568E29, 1e308, -9.99e125);
            assertThat(column.misfits()).isEmpty();
        }
    }

    @Test
    void floatingColumnsReportNumbersTooLargeAndNonNumbers()
    {
        try (BlockColumn real = BlockColumn.declared("r", "float"); BlockColumn dbl = BlockColumn.declared("d", "double")) {
            assertThat(real.roundTrip(n("1E+39"), s("NaN"), s("Infinity"), s("1.5f"))).containsExactly(null, null, null, null);
            assertThat(real.misfits()).extracting(Report::problem).satisfiesExactly(
                    p -> assertThat(p).contains("N '1E+39' is too large for a REAL column"),
                    p -> assertThat(p).contains("S 'NaN' does not fit a REAL column"),
                    p -> assertThat(p).contains("'Infinity'"),
                    p -> assertThat(p).contains("'1.5f'"));
            assertThat(dbl.roundTrip(s("1e309"))).isNull();
            assertThat(dbl.misfits()).singleElement().extracting(Report::problem).asString().contains("too large for a DOUBLE column");
        }
    }

    @Test
    void absurdNumbersInTextAreMisfitsNotWork()
    {
        try (BlockColumn column = BlockColumn.declared("p", "decimal(10,2)")) {
            assertThat(column.roundTrip(s("1e999999999"), s("1".repeat(5000)))).containsExactly(null, null);
            assertThat(column.misfits()).hasSize(2);
        }
    }

    @Test
    void declaredDecimalUsesItsPrecisionAndScale()
    {
        try (BlockColumn column = BlockColumn.declared("p", "decimal(5,2)")) {
            assertThat(column.roundTrip(n("999.99"), n("1.005"), n("1000"))).containsExactly(
                    new java.math.BigDecimal("999.99"), new java.math.BigDecimal("1.00"), null);
            assertThat(column.misfits()).extracting(Report::problem).satisfiesExactly(
                    p -> assertThat(p).contains("rounded half-even to 2 fractional digits"),
                    p -> assertThat(p).contains("too many integer digits for DECIMAL(5,2)"));
        }
    }

    @Test
    void numberSetFillsArrayOfTinyint()
    {
        try (BlockColumn column = BlockColumn.declared("ids", "array<tinyint>")) {
            assertThat(column.roundTrip(AttributeValue.fromNs(List.of("1", "-2", "300"))))
                    .isEqualTo(Arrays.asList((byte) 1, (byte) -2, null));
            assertThat(column.misfits()).singleElement().extracting(Report::path).isEqualTo("ids");
        }
    }
}
