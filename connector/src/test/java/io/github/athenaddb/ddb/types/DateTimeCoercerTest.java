package io.github.athenaddb.ddb.types;

import io.github.athenaddb.ddb.schema.GlueTypes;
import io.github.athenaddb.ddb.types.BlockColumn.Report;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DATE columns read back as Integer days since 1970-01-01 and TIMESTAMP columns as LocalDateTime,
 * as the SDK's vectors return them.
 */
class DateTimeCoercerTest
{
    private static Integer day(String iso)
    {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    private static LocalDateTime at(String iso)
    {
        return LocalDateTime.parse(iso);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-10-03, 2026-10-03T00:00",
            "2026-10-03T10:15, 2026-10-03T10:15",
            "2026-10-03T10:15:30, 2026-10-03T10:15:30",
            "2026-10-03 10:15:30, 2026-10-03T10:15:30",
            "' 2026-10-03 10:15:30.5 ', 2026-10-03T10:15:30.500",
            "2026-10-03T10:15:30.123456789, 2026-10-03T10:15:30.123",
            "2026-10-03T10:15:30Z, 2026-10-03T10:15:30",
            "2026-10-03t10:15:30z, 2026-10-03T10:15:30",
            "2026-10-03T10:15:30+02:00, 2026-10-03T08:15:30",
            "2026-10-03T10:15:30.250-0530, 2026-10-03T15:45:30.250",
            "2026-10-03 23:15:30-02, 2026-10-04T01:15:30",
            "2024-02-29T12:00:00, 2024-02-29T12:00",
            "1969-12-31T23:59:59.999, 1969-12-31T23:59:59.999",
            // The compact forms the official connector infers: yyyyMMdd'T'HHmmss, with or without an offset.
            "20261003T101530, 2026-10-03T10:15:30",
            "20261003T101530Z, 2026-10-03T10:15:30",
            "20261003T101530+02:00, 2026-10-03T08:15:30",
            "20261003T101530-0530, 2026-10-03T15:45:30",
    })
    void timestampReadsIsoTextConvertingOffsetsToUtc(String text, String expected)
    {
        try (BlockColumn column = BlockColumn.declared("ts", "timestamp")) {
            assertThat(column.roundTrip(s(text))).isEqualTo(at(expected));
            assertThat(column.misfits()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-10-03, 2026-10-03",
            "2024-02-29, 2024-02-29",
            "2026-10-03T23:59:59.999, 2026-10-03",
            "2026-10-03T23:30:00-05:00, 2026-10-04",
            "2026-10-03 00:30+01:00, 2026-10-02",
            "1969-12-31, 1969-12-31",
            "0001-01-01, 0001-01-01",
    })
    void dateReadsIsoTextKeepingTheDateOfTheLocalDateTime(String text, String expected)
    {
        try (BlockColumn column = BlockColumn.declared("d", "date")) {
            assertThat(column.roundTrip(s(text))).isEqualTo(day(expected));
            assertThat(column.misfits()).isEmpty();
        }
    }

    @Test
    void invalidDatesAreMisfitsNotMovedToAValidDay()
    {
        try (BlockColumn column = BlockColumn.declared("d", "date")) {
            assertThat(column.roundTrip(s("2026-02-29"), s("2026-04-31"), s("2026-13-01"), s("2026-10-03T24:00"), s("yesterday"),
                    s("2026-10-3"), s("2026-10-03T10:15:30 Z"))).containsOnlyNulls().hasSize(7);
            assertThat(column.misfits()).hasSize(7).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("d");
                assertThat(r.problem()).contains("is not a date in ISO-8601 form (column is DATE); read as null");
            });
            assertThat(column.misfits().get(0).problem()).startsWith("S '2026-02-29'");
        }
    }

    @Test
    void offsetsConvertToTheColumnsTimeZone()
    {
        try (BlockColumn paris = BlockColumn.declared("ts", "timestamp", null, "Europe/Paris");
                BlockColumn ny = BlockColumn.declared("d", "date", null, "America/New_York")) {
            assertThat(paris.roundTrip(s("2026-07-01T10:00:00Z"), s("2026-01-01T10:00:00Z"), s("2026-07-01T10:00:00+09:00")))
                    .containsExactly(at("2026-07-01T12:00"), at("2026-01-01T11:00"), at("2026-07-01T03:00"));
            assertThat(ny.roundTrip(s("2026-10-04T02:00:00Z"), s("2026-10-04T02:00:00"))).containsExactly(day("2026-10-03"), day("2026-10-04"));
        }
    }

    @Test
    void localDateTimeWithoutOffsetIsKeptAsWrittenEvenInADstGap()
    {
        // Europe/Paris skips from 02:00 to 03:00 on 2026-03-29: 02:30 never happens there, but
        // a value without an offset is a wall-clock reading, kept as Athena's zoneless timestamp.
        try (BlockColumn column = BlockColumn.declared("ts", "timestamp", null, "Europe/Paris")) {
            assertThat(column.roundTrip(s("2026-03-29T02:30:00"), s("2026-03-29T00:30:00Z"), s("2026-03-29T01:30:00Z")))
                    .containsExactly(at("2026-03-29T02:30"), at("2026-03-29T01:30"), at("2026-03-29T03:30"));
        }
    }

    @Test
    void twoInstantsInTheDstOverlapShowTheSameLocalTime()
    {
        // Europe/Paris repeats 02:00-03:00 on 2026-10-25: once at +02:00, once at +01:00.
        try (BlockColumn column = BlockColumn.declared("ts", "timestamp", null, "Europe/Paris")) {
            assertThat(column.roundTrip(s("2026-10-25T00:30:00Z"), s("2026-10-25T01:30:00Z")))
                    .containsExactly(at("2026-10-25T02:30"), at("2026-10-25T02:30"));
        }
    }

    @Test
    void patternFormatReadsItsOwnLayoutStrictly()
    {
        try (BlockColumn column = BlockColumn.declared("ts", "timestamp", "dd/MM/yyyy HH:mm", null)) {
            assertThat(column.roundTrip(s("03/10/2026 10:15"), s("29/02/2024 00:00"), s("29/02/2026 00:00"), s("2026-10-03T10:15")))
                    .containsExactly(at("2026-10-03T10:15"), at("2024-02-29T00:00"), null, null);
            assertThat(column.misfits()).extracting(Report::problem).allSatisfy(p ->
                    assertThat(p).contains("is not a date-time in format 'dd/MM/yyyy HH:mm' (column is TIMESTAMP)"));
        }
    }

    @Test
    void patternWithAnOffsetOrZoneConvertsToTheColumnsZone()
    {
        try (BlockColumn offset = BlockColumn.declared("ts", "timestamp", "yyyy-MM-dd HH:mm:ss XXX", "Asia/Tokyo");
                BlockColumn zone = BlockColumn.declared("ts", "timestamp", "yyyy-MM-dd HH:mm VV", null)) {
            assertThat(offset.roundTrip(s("2026-10-03 10:15:30 +02:00"))).isEqualTo(at("2026-10-03T17:15:30"));
            assertThat(zone.roundTrip(s("2026-07-01 12:00 Europe/Paris"))).isEqualTo(at("2026-07-01T10:00"));
        }
    }

    @Test
    void dateOnlyPatternGivesMidnightAndMonthNamesAreEnglish()
    {
        try (BlockColumn ts = BlockColumn.declared("ts", "timestamp", "yyyyMMdd", null);
                BlockColumn d = BlockColumn.declared("d", "date", "MMM d, yyyy", null)) {
            assertThat(ts.roundTrip(s("20261003"), n("20240229"))).containsExactly(at("2026-10-03T00:00"), at("2024-02-29T00:00"));
            assertThat(d.roundTrip(s("Oct 3, 2026"), s("oct 3, 2026"))).containsExactly(day("2026-10-03"), day("2026-10-03"));
        }
    }

    @Test
    void epochSecondsAreInstantsShownInTheColumnsZone()
    {
        try (BlockColumn utc = BlockColumn.declared("ts", "timestamp", "epoch_seconds", null);
                BlockColumn tokyo = BlockColumn.declared("ts", "timestamp", "epoch_seconds", "Asia/Tokyo")) {
            assertThat(utc.roundTrip(n("0"), n("1791000000"), n("-1"), n("-86400"), n("1.5"), n("-0.0005"), s(" 60 "), n("1E+3")))
                    .containsExactly(at("1970-01-01T00:00"), LocalDateTime.ofInstant(Instant.ofEpochSecond(1791000000L), ZoneOffset.UTC),
                            at("1969-12-31T23:59:59"), at("1969-12-31T00:00"), at("1970-01-01T00:00:01.500"),
                            at("1969-12-31T23:59:59.999"), at("1970-01-01T00:01"), at("1970-01-01T00:16:40"));
            assertThat(tokyo.roundTrip(n("0"))).isEqualTo(at("1970-01-01T09:00"));
            assertThat(utc.misfits()).isEmpty();
        }
    }

    @Test
    void epochMillisAndNegativeEpochDates()
    {
        try (BlockColumn ts = BlockColumn.declared("ts", "timestamp", "epoch_millis", null);
                BlockColumn d = BlockColumn.declared("d", "date", "EPOCH_SECONDS", null)) {
            assertThat(ts.roundTrip(n("1791000000123"), n("-1"), n("2.9"))).containsExactly(
                    LocalDateTime.ofInstant(Instant.ofEpochMilli(1791000000123L), ZoneOffset.UTC), at("1969-12-31T23:59:59.999"),
                    at("1970-01-01T00:00:00.002"));
            assertThat(d.roundTrip(n("-1"), n("-86400"), n("-86401"), n("951782400"))).containsExactly(-1, -1, -2, day("2000-02-29"));
        }
    }

    @Test
    void epochFormatReportsTextThatIsNotANumber()
    {
        try (BlockColumn column = BlockColumn.declared("ts", "timestamp", "epoch_seconds", null)) {
            assertThat(column.roundTrip(s("2026-10-03"))).isNull();
            assertThat(column.misfits()).singleElement().extracting(Report::problem).asString()
                    .contains("S '2026-10-03' is not a number of seconds since 1970").contains("epoch_seconds");
        }
    }

    @Test
    void numberWithoutAFormatCountsMillisecondsAsTheOfficialConnectorDoes()
    {
        try (BlockColumn d = BlockColumn.declared("d", "date");
                BlockColumn ts = BlockColumn.declared("ts", "timestamp", null, "Europe/Berlin")) {
            // 1791000000000 ms is 2026-10-03T04:00Z; seconds without epoch_seconds are read as milliseconds, as there.
            assertThat(d.roundTrip(n("1791000000000"), n("1791000000"))).containsExactly(day("2026-10-03"), day("1970-01-21"));
            assertThat(ts.roundTrip(n("1791000000000"))).isEqualTo(at("2026-10-03T06:00"));
            assertThat(d.misfits()).isEmpty();
        }
    }

    @Test
    void patternsUseTheOfficialConnectorsLettersForOffsetsAndWeekdays()
    {
        try (BlockColumn iso = BlockColumn.declared("ts", "timestamp", "yyyy-MM-dd'T'HH:mm:ssZZ", null);
                BlockColumn rfc = BlockColumn.declared("ts", "timestamp", "yyyyMMdd'T'HHmmssZ", null);
                BlockColumn weekday = BlockColumn.declared("d", "date", "yyyy-MM-dd u", null)) {
            assertThat(iso.roundTrip(s("2026-10-03T10:15:30+02:00"), s("2026-10-03T10:15:30Z")))
                    .containsExactly(at("2026-10-03T08:15:30"), at("2026-10-03T10:15:30"));
            assertThat(rfc.roundTrip(s("20261003T101530+0200"), s("20261003T101530-05:00")))
                    .containsExactly(at("2026-10-03T08:15:30"), at("2026-10-03T15:15:30"));
            // 2026-10-03 is a Saturday, day 6 counting Monday as 1; a weekday that disagrees is a misfit.
            assertThat(weekday.roundTrip(s("2026-10-03 6"), s("2026-10-03 1"))).containsExactly(day("2026-10-03"), null);
            assertThat(iso.misfits()).isEmpty();
        }
    }

    @Test
    void valuesBeyondTheColumnsRangeAreMisfits()
    {
        try (BlockColumn ts = BlockColumn.declared("ts", "timestamp", "epoch_seconds", null);
                BlockColumn iso = BlockColumn.declared("ts", "timestamp");
                BlockColumn d = BlockColumn.declared("d", "date")) {
            assertThat(ts.roundTrip(n("1E+20"), n("-1E+125"))).containsExactly(null, null);
            assertThat(iso.roundTrip(s("+999999999-12-31T00:00"))).isNull();
            assertThat(d.roundTrip(s("+999999999-12-31"), s("+5000000-01-01"))).containsExactly(null, day("+5000000-01-01"));
            assertThat(ts.misfits()).hasSize(2).allSatisfy(r -> assertThat(r.problem()).contains("out of the range of a TIMESTAMP column"));
            assertThat(iso.misfits()).singleElement().extracting(Report::problem).asString().contains("out of the range");
            assertThat(d.misfits()).singleElement().extracting(Report::problem).asString().contains("out of the range of a DATE column");
        }
    }

    @Test
    void otherKindsAreMisfits()
    {
        try (BlockColumn column = BlockColumn.declared("d", "date")) {
            assertThat(column.roundTrip(AttributeValue.fromBool(true), l(s("2026-10-03")), m(Map.of()))).containsOnlyNulls();
            assertThat(column.misfits()).hasSize(3).allSatisfy(r -> assertThat(r.problem()).contains("does not fit a DATE column"));
        }
    }

    @Test
    void nestedDatesUseTheColumnsFormatUnlessTheirFieldHasItsOwn()
    {
        Field declared = GlueTypes.toField("events", "struct<at:timestamp,days:array<date>,local:timestamp>");
        Field local = DateTimeFormats.withFormat(declared.getChildren().get(2), "dd.MM.yyyy HH:mm", null);
        Field events = DateTimeFormats.withFormat(new Field("events", declared.getFieldType(),
                List.of(declared.getChildren().get(0), declared.getChildren().get(1), local)), "epoch_millis", "Europe/Paris");
        Object read = ValueCoercer.coerce(events, m(Map.of(
                "at", n("0"),
                "days", AttributeValue.fromNs(List.of("86400000", "-1")),
                "local", s("03.10.2026 10:15"))), "events", Misfits.IGNORE);
        assertThat(read).isEqualTo(Map.of(
                "at", at("1970-01-01T01:00"),
                "days", List.of(day("1970-01-02"), day("1970-01-01")),
                "local", at("2026-10-03T10:15")));
    }

    @Test
    void arrayOfTimestampsReadsEachElement()
    {
        try (BlockColumn column = BlockColumn.declared("seen", "array<timestamp>")) {
            assertThat(column.roundTrip(l(s("2026-10-03T10:15:30Z"), AttributeValue.fromNul(true), s("nope"))))
                    .isEqualTo(Arrays.asList(at("2026-10-03T10:15:30"), null, null));
            assertThat(column.misfits()).singleElement().extracting(Report::path).isEqualTo("seen[2]");
        }
    }

    @Test
    void badFormatInFieldMetadataFailsNamingTheColumn()
    {
        Field field = GlueTypes.toField("due", "date");
        Field bad = new Field("due", new org.apache.arrow.vector.types.pojo.FieldType(true, field.getType(), null,
                Map.of(DateTimeFormats.FORMAT, "yyyy-MM-dd'T")), null);
        assertThatThrownBy(() -> ValueCoercer.coerce(bad, s("2026-10-03"), "due", Misfits.IGNORE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Column due")
                .hasMessageContaining("'yyyy-MM-dd'T'");
    }
}
