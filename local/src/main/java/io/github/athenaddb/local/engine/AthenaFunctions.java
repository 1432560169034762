package io.github.athenaddb.local.engine;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Athena (Trino) functions analysts use that Calcite spells differently, with Trino's
 * signatures. Timestamps are UTC wall-clock times, as Athena's {@code timestamp}.
 */
public final class AthenaFunctions
{
    private AthenaFunctions() {}

    /** {@code date_trunc('month', ts)}: units second, minute, hour, day, week, month, quarter, year. */
    public static Timestamp dateTrunc(String unit, Timestamp ts)
    {
        if (ts == null || unit == null) {
            return null;
        }
        LocalDateTime t = ts.toLocalDateTime();
        LocalDateTime truncated = switch (unit.toLowerCase(Locale.ROOT)) {
            case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
            case "day" -> t.truncatedTo(ChronoUnit.DAYS);
            case "week" -> t.truncatedTo(ChronoUnit.DAYS).minusDays(t.getDayOfWeek().getValue() - 1L);
            case "month" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case "quarter" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
                    .withMonth((t.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1);
            case "year" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            default -> throw new IllegalArgumentException("date_trunc: unit '" + unit
                    + "' is not one of second, minute, hour, day, week, month, quarter, year");
        };
        return Timestamp.valueOf(truncated);
    }

    /** {@code date_add('day', 3, ts)}: units millisecond, second, minute, hour, day, week, month, quarter, year. */
    public static Timestamp dateAdd(String unit, long value, Timestamp ts)
    {
        if (ts == null || unit == null) {
            return null;
        }
        LocalDateTime t = ts.toLocalDateTime();
        LocalDateTime added = switch (unit.toLowerCase(Locale.ROOT)) {
            case "millisecond" -> t.plus(value, ChronoUnit.MILLIS);
            case "second" -> t.plusSeconds(value);
            case "minute" -> t.plusMinutes(value);
            case "hour" -> t.plusHours(value);
            case "day" -> t.plusDays(value);
            case "week" -> t.plusWeeks(value);
            case "month" -> t.plusMonths(value);
            case "quarter" -> t.plusMonths(3 * value);
            case "year" -> t.plusYears(value);
            default -> throw new IllegalArgumentException("date_add: unit '" + unit
                    + "' is not one of millisecond, second, minute, hour, day, week, month, quarter, year");
        };
        return Timestamp.valueOf(added);
    }

    /** {@code from_iso8601_timestamp('2026-10-01T12:00:00Z')}, also accepting a space for the T and no zone (UTC). */
    public static Timestamp fromIso8601Timestamp(String text)
    {
        if (text == null) {
            return null;
        }
        String iso = text.trim().replace(' ', 'T');
        try {
            return Timestamp.valueOf(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        catch (DateTimeParseException withoutZone) {
            try {
                return Timestamp.valueOf(LocalDateTime.parse(iso.length() == 10 ? iso + "T00:00:00" : iso));
            }
            catch (DateTimeParseException e) {
                throw new IllegalArgumentException("from_iso8601_timestamp: '" + text + "' is not an ISO 8601 timestamp");
            }
        }
    }
}
