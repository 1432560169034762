package io.github.athenaddb.ddb.types;

import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a DATE or TIMESTAMP column reads DynamoDB values, set in the Arrow field's metadata:
 * {@value #FORMAT} is a date pattern ({@code dd/MM/yyyy HH:mm}) with the letters of the official
 * connector's {@code datetimeFormatMapping} ({@link SimpleDateFormatPattern}), or
 * {@value #EPOCH_SECONDS} / {@value #EPOCH_MILLIS} for numbers; without it strings are read as
 * ISO-8601 (extended or compact) and numbers as epoch milliseconds, as the official connector reads
 * them. {@value #TIME_ZONE} is the zone id that values with an offset, and epoch numbers, are
 * converted to (default UTC). Both apply to the dates and timestamps inside the column's
 * arrays, maps and structs too, unless a nested field sets its own.
 */
public final class DateTimeFormats
{
    /** Field metadata key: a DateTimeFormatter pattern, {@value #EPOCH_SECONDS} or {@value #EPOCH_MILLIS}. */
    public static final String FORMAT = "ddb.datetimeFormat";
    /** Field metadata key: a zone id ({@code Europe/Paris}, {@code +02:00}); default {@code UTC}. */
    public static final String TIME_ZONE = "ddb.timeZone";
    public static final String EPOCH_SECONDS = "epoch_seconds";
    public static final String EPOCH_MILLIS = "epoch_millis";
    public static final String DEFAULT_TIME_ZONE = "UTC";

    private static final Map<Key, Format> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 256;
    /** Checked by formatting and parsing it back: every accepted pattern must give a whole date. */
    private static final ZonedDateTime SAMPLE = ZonedDateTime.of(2001, 2, 3, 4, 5, 6, 7_000_000, ZoneOffset.UTC);

    /**
     * ISO-8601 as DynamoDB items hold it: a date, optionally 'T' (or a blank, see
     * {@link DateTimeCoercer}) and a time with optional seconds and fraction, optionally an
     * offset (Z, +02:00, +0200 or +02).
     */
    static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ENGLISH)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * The compact ISO-8601 forms the official connector infers for a string without a format,
     * {@code yyyyMMdd'T'HHmmss} and the same with an offset ({@code Z}, {@code +02:00}, {@code +0200}).
     */
    static final DateTimeFormatter COMPACT_ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.YEAR, 4).appendValue(ChronoField.MONTH_OF_YEAR, 2).appendValue(ChronoField.DAY_OF_MONTH, 2)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().parseLenient().appendOffset("+HH", "Z").parseStrict().optionalEnd()
            .toFormatter(Locale.ENGLISH)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    static final Format DEFAULT = new Format(null, DEFAULT_TIME_ZONE);

    private DateTimeFormats() {}

    /**
     * Checks a format and a zone as {@link #FORMAT} and {@link #TIME_ZONE} would hold them.
     *
     * @param format a pattern, {@value #EPOCH_SECONDS}, {@value #EPOCH_MILLIS}, or null for ISO-8601
     * @param zone a zone id, or null for UTC
     * @throws IllegalArgumentException naming the pattern or zone and what is wrong with it
     */
    public static void validate(String format, String zone)
    {
        compile(format, zone);
    }

    /**
     * @return the field with {@link #FORMAT} and {@link #TIME_ZONE} set (a null argument leaves
     *     that key out), after {@link #validate} accepted them
     */
    public static Field withFormat(Field field, String format, String zone)
    {
        validate(format, zone);
        Map<String, String> metadata = new HashMap<>(field.getMetadata() == null ? Map.of() : field.getMetadata());
        putOrRemove(metadata, FORMAT, format);
        putOrRemove(metadata, TIME_ZONE, zone);
        FieldType type = new FieldType(field.isNullable(), field.getType(), field.getDictionary(), metadata);
        return new Field(field.getName(), type, field.getChildren());
    }

    private static void putOrRemove(Map<String, String> metadata, String key, String value)
    {
        if (value == null) {
            metadata.remove(key);
        }
        else {
            metadata.put(key, value);
        }
    }

    /** The format a field reads with: its own keys, else those of the column it is nested in. */
    static Format of(Field field, Format inherited)
    {
        Map<String, String> metadata = field.getMetadata();
        if (metadata == null || (!metadata.containsKey(FORMAT) && !metadata.containsKey(TIME_ZONE))) {
            return inherited;
        }
        String format = metadata.containsKey(FORMAT) ? metadata.get(FORMAT) : inherited.format;
        String zone = metadata.containsKey(TIME_ZONE) ? metadata.get(TIME_ZONE) : inherited.zoneText;
        try {
            return compile(format, zone);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Column " + field.getName() + ": " + e.getMessage(), e);
        }
    }

    static Format compile(String format, String zone)
    {
        format = format == null || format.isBlank() ? null : format;
        zone = zone == null || zone.isBlank() ? null : zone;
        Key key = new Key(format, zone);
        Format cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Format compiled = new Format(format, zone == null ? DEFAULT_TIME_ZONE : zone);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(key, compiled);
        }
        return compiled;
    }

    private record Key(String format, String zone) {}

    enum Kind { ISO, PATTERN, EPOCH_SECONDS, EPOCH_MILLIS }

    /** A checked format and zone, ready to parse with. */
    static final class Format
    {
        final String format;
        final String zoneText;
        final Kind kind;
        final ZoneId zone;
        /** Null for the epoch kinds. */
        final DateTimeFormatter formatter;

        private Format(String format, String zoneText)
        {
            this.format = format;
            this.zoneText = zoneText;
            this.zone = zone(zoneText);
            if (format == null) {
                kind = Kind.ISO;
                formatter = ISO;
            }
            else if (format.equalsIgnoreCase(EPOCH_SECONDS)) {
                kind = Kind.EPOCH_SECONDS;
                formatter = null;
            }
            else if (format.equalsIgnoreCase(EPOCH_MILLIS)) {
                kind = Kind.EPOCH_MILLIS;
                formatter = null;
            }
            else {
                kind = Kind.PATTERN;
                formatter = pattern(format, zone);
            }
        }

        String describe()
        {
            return kind == Kind.ISO ? "ISO-8601 form" : "format '" + format + "'";
        }

        @Override
        public String toString()
        {
            return describe() + " in " + zoneText;
        }
    }

    private static ZoneId zone(String zone)
    {
        try {
            return ZoneId.of(Objects.requireNonNull(zone));
        }
        catch (DateTimeException e) {
            throw new IllegalArgumentException("Invalid time zone '" + zone + "' (" + TIME_ZONE
                    + "): expected a zone id such as UTC, Europe/Paris or +02:00 (" + e.getMessage() + ")");
        }
    }

    private static DateTimeFormatter pattern(String pattern, ZoneId zone)
    {
        DateTimeFormatter formatter;
        try {
            // STRICT refuses 2026-02-30 rather than moving it; the default era makes 'yyyy' work under STRICT.
            formatter = SimpleDateFormatPattern.append(new DateTimeFormatterBuilder().parseCaseInsensitive(), pattern)
                    .parseDefaulting(ChronoField.ERA, 1)
                    .toFormatter(Locale.ENGLISH)
                    .withChronology(IsoChronology.INSTANCE)
                    .withResolverStyle(ResolverStyle.STRICT);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid datetime format '" + pattern + "' (" + FORMAT + "): " + e.getMessage()
                    + "; expected a date pattern such as yyyy-MM-dd HH:mm:ss, or "
                    + EPOCH_SECONDS + " or " + EPOCH_MILLIS);
        }
        LocalDate date;
        try {
            TemporalAccessor parsed = formatter.parse(formatter.format(SAMPLE.withZoneSameInstant(zone)));
            date = parsed.query(TemporalQueries.localDate());
        }
        catch (DateTimeException e) {
            throw new IllegalArgumentException("Invalid datetime format '" + pattern + "' (" + FORMAT
                    + "): cannot read back a value it writes (" + e.getMessage() + ")");
        }
        if (date == null) {
            throw new IllegalArgumentException("Invalid datetime format '" + pattern + "' (" + FORMAT
                    + "): it does not give a whole date (it needs year, month and day, or year and day of year)");
        }
        return formatter;
    }
}
