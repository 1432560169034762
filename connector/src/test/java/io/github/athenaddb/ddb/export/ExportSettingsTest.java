package io.github.athenaddb.ddb.export;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportSettingsTest
{
    @Test
    void matchesATableIgnoringCaseWithOtherCharactersAsUnderscores()
    {
        ExportSettings settings = ExportSettings.fromConfig(Map.of("export_location_shop_orders_v2", "s3://exports/p/AWSDynamoDB/01-a/",
                "EXPORT_LOCATION_Archive", "arn:aws:dynamodb:us-east-1:123456789012:table/Archive/export/01-b"));

        assertThat(settings.forTable("Shop-Orders.v2")).contains(Map.entry("export_location_shop_orders_v2", "s3://exports/p/AWSDynamoDB/01-a/"));
        assertThat(settings.forTable("archive")).map(Map.Entry::getValue).contains("arn:aws:dynamodb:us-east-1:123456789012:table/Archive/export/01-b");
        assertThat(settings.forTable("Quiet")).isEmpty();
    }

    @Test
    void aValueThatIsNeitherAnArnNorAnS3FolderStopsTheStart()
    {
        assertThatThrownBy(() -> ExportSettings.fromConfig(Map.of("export_location_orders", "exports/p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid configuration export_location_orders='exports/p': expected an export ARN");
        assertThatThrownBy(() -> ExportSettings.fromConfig(Map.of("export_location_orders", "s3:///p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no bucket");
    }
}
