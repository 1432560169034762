package io.github.athenaddb.ddb.types;

import io.github.athenaddb.ddb.schema.GlueTypes;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateTimeFormatsTest
{
    @ParameterizedTest(name = "format {0}, zone {1}")
    @CsvSource(nullValues = "null", value = {
            "null, null",
            "yyyy-MM-dd, null",
            "dd/MM/yyyy HH:mm:ss.SSS, Europe/Paris",
            "yyyy-DDD, +02:00",
            "yyyy-MM-dd'T'HH:mm:ssZZ, null",
            "yyyyMMdd'T'HHmmss, null",
            "ddMMyyyy'T'HH:mm:ss, null",
            "yyyy-MM-dd'T'HH:mm:ssXXX, America/New_York",
            "epoch_seconds, UTC",
            "EPOCH_MILLIS, Asia/Tokyo",
            "'', ''",
    })
    void validFormatsAndZonesPass(String format, String zone)
    {
        assertThatCode(() -> DateTimeFormats.validate(format, zone)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "yyyy-MM-dd'T   | incomplete",
            "yyyy-bb-dd     | Unknown pattern letter: b",
            "HH:mm          | does not give a whole date",
            "yyyy-MM        | does not give a whole date",
            "{yyyy}         | Pattern includes reserved character",
    })
    void badPatternIsRefusedNamingIt(String pattern, String problem)
    {
        assertThatThrownBy(() -> DateTimeFormats.validate(pattern, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid datetime format '" + pattern + "' (ddb.datetimeFormat): ")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource({"Mars/Olympus", "+25:00", "Europe/Pariss"})
    void badZoneIsRefusedNamingIt(String zone)
    {
        assertThatThrownBy(() -> DateTimeFormats.validate(null, zone))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid time zone '" + zone + "' (ddb.timeZone)")
                .hasMessageContaining("Europe/Paris");
    }

    @Test
    void withFormatSetsTheMetadataKeysAndKeepsTheField()
    {
        Field field = GlueTypes.toField("seen", "array<timestamp>");
        Field formatted = DateTimeFormats.withFormat(field, "epoch_millis", "Europe/Paris");
        assertThat(formatted.getMetadata()).isEqualTo(Map.of("ddb.datetimeFormat", "epoch_millis", "ddb.timeZone", "Europe/Paris"));
        assertThat(formatted.getName()).isEqualTo("seen");
        assertThat(formatted.getType()).isEqualTo(field.getType());
        assertThat(formatted.getChildren()).isEqualTo(field.getChildren());
        assertThat(formatted.isNullable()).isTrue();
        assertThat(DateTimeFormats.withFormat(formatted, null, "UTC").getMetadata()).isEqualTo(Map.of("ddb.timeZone", "UTC"));
    }

    @Test
    void withFormatValidatesFirst()
    {
        assertThatThrownBy(() -> DateTimeFormats.withFormat(GlueTypes.toField("d", "date"), "HH", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'HH'");
    }

    @Test
    void keysArePublicConstants()
    {
        assertThat(DateTimeFormats.FORMAT).isEqualTo("ddb.datetimeFormat");
        assertThat(DateTimeFormats.TIME_ZONE).isEqualTo("ddb.timeZone");
        assertThat(DateTimeFormats.EPOCH_SECONDS).isEqualTo("epoch_seconds");
        assertThat(DateTimeFormats.EPOCH_MILLIS).isEqualTo("epoch_millis");
    }
}
