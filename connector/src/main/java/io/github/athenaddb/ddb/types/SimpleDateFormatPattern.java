package io.github.athenaddb.ddb.types;

import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * A {@code datetimeFormatMapping} pattern read with the letters of
 * {@link java.text.SimpleDateFormat}, as the official connector reads it (through commons-lang's
 * DateUtils), appended to a java.time formatter. Most letters mean the same in both; those that
 * do not are translated:
 * <ul>
 * <li>{@code Z}, {@code ZZ}, {@code X}, {@code XX}, {@code XXX}: an offset, read as {@code Z},
 *     {@code +02}, {@code +0200} or {@code +02:00} whatever the width. (In java.time {@code ZZ} is
 *     only {@code +0200}; in commons-lang it is {@code +02:00}, the form of the official
 *     connector's own ISO format {@code yyyy-MM-dd'T'HH:mm:ssZZ}.)</li>
 * <li>{@code u}: the day of the week as a number, 1 for Monday (in java.time it is the year).</li>
 * </ul>
 * Other letters, quoted text and punctuation are passed to java.time as written, so letters only
 * java.time has ({@code VV}, {@code xxx}, optional sections in {@code [...]}) still work.
 */
final class SimpleDateFormatPattern
{
    private SimpleDateFormatPattern() {}

    /** @throws IllegalArgumentException as {@link DateTimeFormatterBuilder#appendPattern} does */
    static DateTimeFormatterBuilder append(DateTimeFormatterBuilder builder, String pattern)
    {
        StringBuilder pending = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                pending.append(c);
                i++;
                continue;
            }
            if (quoted || (c != 'Z' && c != 'X' && c != 'u')) {
                pending.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < pattern.length() && pattern.charAt(end) == c) {
                end++;
            }
            flush(builder, pending);
            if (c == 'u') {
                builder.appendValue(ChronoField.DAY_OF_WEEK, end - i);
            }
            else {
                // Lenient offset parsing takes hours with optional minutes, with or without a colon, or Z.
                builder.parseLenient().appendOffset("+HH", "Z").parseStrict();
            }
            i = end;
        }
        flush(builder, pending);
        return builder;
    }

    private static void flush(DateTimeFormatterBuilder builder, StringBuilder pending)
    {
        if (pending.length() > 0) {
            builder.appendPattern(pending.toString());
            pending.setLength(0);
        }
    }
}
