package io.github.athenaddb.ddb.types;

import java.math.BigDecimal;

/**
 * The common shapes of a DynamoDB number, read without BigDecimal's parser: most N values are
 * short plain digits ({@code 42}, {@code -7}, {@code 1234.50}), and a scan reads millions.
 * Each method returns null for anything else (exponents, '+', leading or trailing blanks,
 * too many digits), which then takes the BigDecimal path: the result is always what that
 * path would give.
 */
final class PlainNumberText
{
    /** Every integer of up to 18 digits is within a long. */
    static final int MAX_LONG_DIGITS = 18;

    private static final long[] POWERS_OF_TEN = new long[MAX_LONG_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private PlainNumberText() {}

    /** An optional '-' and 1 to 18 ASCII digits: true when {@link Long#parseLong} reads the same integer BigDecimal would. */
    static boolean isPlainLong(String text)
    {
        int start = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
        int digits = text.length() - start;
        return digits >= 1 && digits <= MAX_LONG_DIGITS && allDigits(text, start, text.length());
    }

    /**
     * An optional '-', digits, and optionally '.' and at most {@code scale} more digits, as a
     * BigDecimal of exactly that scale, when its unscaled value has at most 18 digits; else null.
     * Equal to {@code new BigDecimal(text).setScale(scale)}, which needs no rounding here.
     */
    static BigDecimal atScale(String text, int scale)
    {
        if (scale < 0 || scale > MAX_LONG_DIGITS) {
            return null;
        }
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        // One pass: digits and at most one '.'; a long text overflows the sum, but the bounds
        // below then refuse it, and any text they accept has at most 18 digits.
        int point = -1;
        long unscaled = 0;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
            }
            else if (c == '.' && point < 0) {
                point = i;
            }
            else {
                return null;
            }
        }
        int integerDigits = (point < 0 ? length : point) - start;
        int fraction = point < 0 ? 0 : length - point - 1;
        if (integerDigits == 0 || (point >= 0 && fraction == 0) || fraction > scale || integerDigits + scale > MAX_LONG_DIGITS) {
            return null;
        }
        // At most 18 digits with the padding, so the padding does not overflow a long either.
        unscaled *= POWERS_OF_TEN[scale - fraction];
        return BigDecimal.valueOf(start == 1 ? -unscaled : unscaled, scale);
    }

    private static boolean allDigits(String text, int from, int to)
    {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
