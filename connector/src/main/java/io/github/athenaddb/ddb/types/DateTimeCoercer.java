package io.github.athenaddb.ddb.types;

import io.github.athenaddb.ddb.types.DateTimeFormats.Format;
import io.github.athenaddb.ddb.types.DateTimeFormats.Kind;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

import static io.github.athenaddb.ddb.types.ValueCoercer.describe;
import static io.github.athenaddb.ddb.types.ValueCoercer.misfit;

/**
 * The DATE and TIMESTAMP columns of {@link ValueCoercer}, read with the column's
 * {@link DateTimeFormats format and zone}:
 * <ul>
 * <li>S is parsed with the column's pattern, or else as ISO-8601: {@code 2026-10-03},
 *     {@code 2026-10-03T10:15:30} or {@code 2026-10-03 10:15:30}, seconds and fraction
 *     optional, or compact {@code 20261003T101530}, then optionally {@code Z} or an offset. A value with an offset (or a zone the
 *     pattern reads) is converted to the column's zone; then its local date-time is kept, as
 *     Athena timestamps have no zone. A value without one is kept as written.</li>
 * <li>N, and S holding a number, are seconds or milliseconds since 1970-01-01T00:00Z when the
 *     format is {@code epoch_seconds} or {@code epoch_millis}, shown in the column's zone; with a
 *     pattern, N's digits are parsed with it ({@code yyyyMMdd}); without a format N counts
 *     milliseconds, as the official connector reads every N.</li>
 * <li>DATE keeps the date of that local date-time, TIMESTAMP keeps it to the millisecond
 *     (finer digits are dropped).</li>
 * </ul>
 * Java values as the federation SDK reads and compares them: DATE is an Integer (days since
 * 1970-01-01), TIMESTAMP a LocalDateTime (written as its milliseconds since 1970 at UTC).
 */
final class DateTimeCoercer
{
    private DateTimeCoercer() {}

    static Object coerce(ArrowType.Date type, Format format, AttributeValue value, String path, Misfits misfits)
    {
        boolean day = type.getUnit() == DateUnit.DAY;
        String column = day ? "DATE" : "TIMESTAMP";
        LocalDateTime local = read(format, value, column, path, misfits);
        if (local == null) {
            return null;
        }
        if (day) {
            long days = local.toLocalDate().toEpochDay();
            if (days != (int) days) {
                return outOfRange(value, column, path, misfits);
            }
            return (int) days;
        }
        LocalDateTime millis = local.truncatedTo(ChronoUnit.MILLIS);
        try {
            millis.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        catch (ArithmeticException e) {
            return outOfRange(value, column, path, misfits);
        }
        return millis;
    }

    private static LocalDateTime read(Format format, AttributeValue value, String column, String path, Misfits misfits)
    {
        boolean epoch = format.kind == Kind.EPOCH_SECONDS || format.kind == Kind.EPOCH_MILLIS;
        switch (value.type()) {
            case S:
                return epoch ? epoch(format, value, column, path, misfits) : parse(format, value.s().trim(), value, column, path, misfits);
            case N:
                if (epoch) {
                    return epoch(format, value, column, path, misfits);
                }
                if (format.kind == Kind.PATTERN) {
                    return parse(format, value.n(), value, column, path, misfits);
                }
                // Without a format a number counts milliseconds, as in the official connector, which
                // never reads seconds: epoch_seconds says so for a column that holds seconds.
                return epoch(DateTimeFormats.compile(DateTimeFormats.EPOCH_MILLIS, format.zoneText), value, column, path, misfits);
            default:
                misfit(value, column, path, misfits);
                return null;
        }
    }

    private static LocalDateTime parse(Format format, String text, AttributeValue value, String column, String path, Misfits misfits)
    {
        DateTimeFormatter formatter = format.formatter;
        if (format.kind == Kind.ISO && text.length() > 11 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        else if (format.kind == Kind.ISO && text.length() > 8 && text.charAt(8) == 'T') {
            formatter = DateTimeFormats.COMPACT_ISO;
        }
        try {
            TemporalAccessor parsed = formatter.parse(text);
            LocalDate date = parsed.query(TemporalQueries.localDate());
            if (date == null) {
                throw new DateTimeException("no date");
            }
            LocalTime time = parsed.query(TemporalQueries.localTime());
            LocalDateTime local = LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time);
            ZoneId zone = parsed.query(TemporalQueries.zone());
            return zone == null ? local : ZonedDateTime.of(local, zone).withZoneSameInstant(format.zone).toLocalDateTime();
        }
        catch (DateTimeException e) {
            misfits.report(path, describe(value) + " is not a " + (column.equals("DATE") ? "date" : "date-time") + " in "
                    + format.describe() + " (column is " + column + "); read as null");
            return null;
        }
    }

    private static LocalDateTime epoch(Format format, AttributeValue value, String column, String path, Misfits misfits)
    {
        BigDecimal number = NumberCoercer.numberOf(value);
        String unit = format.kind == Kind.EPOCH_SECONDS ? "seconds" : "milliseconds";
        if (number == null) {
            misfits.report(path, describe(value) + " is not a number of " + unit + " since 1970 (" + DateTimeFormats.FORMAT + " is "
                    + format.format + "; column is " + column + "); read as null");
            return null;
        }
        BigDecimal millis = format.kind == Kind.EPOCH_SECONDS ? number.movePointRight(3) : number;
        try {
            Instant instant = Instant.ofEpochMilli(millis.setScale(0, RoundingMode.FLOOR).longValueExact());
            return LocalDateTime.ofInstant(instant, format.zone);
        }
        catch (ArithmeticException | DateTimeException e) {
            outOfRange(value, column, path, misfits);
            return null;
        }
    }

    private static Object outOfRange(AttributeValue value, String column, String path, Misfits misfits)
    {
        misfits.report(path, describe(value) + " is out of the range of a " + column + " column; read as null");
        return null;
    }
}
