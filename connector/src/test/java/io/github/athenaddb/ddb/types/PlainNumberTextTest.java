package io.github.athenaddb.ddb.types;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The shortcut past BigDecimal's parser must give exactly what the parser gives, or nothing. */
class PlainNumberTextTest
{
    private static final int[] SCALES = {0, 1, 2, 9, 17, 18, 19, 38};

    @ParameterizedTest(name = "{0} at scale {1}: {2}")
    @CsvSource({
            "12.5, 9, 12.500000000",
            "-12.5, 2, -12.50",
            "0, 3, 0.000",
            "-0, 3, 0.000",
            "-0.00, 2, 0.00",
            "007.10, 2, 7.10",
            "999999999.999999999, 9, 999999999.999999999",
            "42, 0, 42",
    })
    void plainDecimals(String text, int scale, String expected)
    {
        assertThat(PlainNumberText.atScale(text, scale)).isEqualTo(new BigDecimal(expected));
    }

    /** Everything else is left to BigDecimal: rounding, exponents, signs, blanks, too many digits. */
    @ParameterizedTest(name = "{0} at scale {1}")
    @CsvSource(value = {
            "1.234, 2", "1e3, 2", "+1, 2", "' 1', 2", "'1 ', 2", "1., 2", ".5, 2", "-, 2", "'', 2", "-.5, 2",
            "1.2.3, 2", "1000000000.5, 9", "1234567890123456789, 0", "1, 19", "1, -1", "0x10, 0", "١٢, 0",
    })
    void otherShapesAreNotRead(String text, int scale)
    {
        assertThat(PlainNumberText.atScale(text, scale)).isNull();
    }

    @Test
    void randomTextsReadAsBigDecimalReadsThem()
    {
        Random random = new Random(20261203);
        int read = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = randomNumberText(random);
            int scale = SCALES[random.nextInt(SCALES.length)];
            BigDecimal plain = PlainNumberText.atScale(text, scale);
            BigDecimal parsed = parse(text);
            if (plain != null) {
                read++;
                assertThat(parsed).as(text).isNotNull();
                assertThat(plain).as("%s at scale %d", text, scale).isEqualTo(parsed.setScale(scale, RoundingMode.UNNECESSARY));
                assertThat(plain.precision()).isLessThanOrEqualTo(18);
            }
            if (PlainNumberText.isPlainLong(text)) {
                assertThat(parsed).as(text).isNotNull();
                assertThat(Long.parseLong(text)).as(text).isEqualTo(parsed.longValueExact());
            }
        }
        assertThat(read).as("texts the shortcut read").isGreaterThan(25_000);
    }

    private static String randomNumberText(Random random)
    {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(3) == 0) {
            text.append(random.nextBoolean() ? '-' : '+');
        }
        digits(text, random, random.nextInt(21));
        if (random.nextBoolean()) {
            text.append('.');
            digits(text, random, random.nextInt(21));
        }
        if (random.nextInt(20) == 0) {
            text.insert(random.nextInt(text.length() + 1), "e .x-9".charAt(random.nextInt(6)));
        }
        return text.toString();
    }

    private static void digits(StringBuilder text, Random random, int count)
    {
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
    }

    private static BigDecimal parse(String text)
    {
        try {
            return new BigDecimal(text);
        }
        catch (NumberFormatException e) {
            return null;
        }
    }
}
