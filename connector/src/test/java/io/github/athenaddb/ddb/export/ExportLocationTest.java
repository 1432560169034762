package io.github.athenaddb.ddb.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportLocationTest
{
    @Test
    void readsAnS3FolderWithOrWithoutTheSummaryName()
    {
        ExportLocation folder = ExportLocation.ofUri("s3://exports/p/AWSDynamoDB/01-a", "set");
        ExportLocation summary = ExportLocation.ofUri("s3://exports/p/AWSDynamoDB/01-a/manifest-summary.json", "set");

        assertThat(folder).isEqualTo(summary);
        assertThat(folder.summaryKey()).isEqualTo("p/AWSDynamoDB/01-a/manifest-summary.json");
        assertThat(folder.filesKey()).isEqualTo("p/AWSDynamoDB/01-a/manifest-files.json");
    }

    @Test
    void aDataFileKeyFromAWSDynamoDBIsReadUnderTheExportPrefix()
    {
        ExportLocation location = new ExportLocation("exports", "p/q/AWSDynamoDB/01-a/", "set");

        assertThat(location.dataFileKey("p/q/AWSDynamoDB/01-a/data/x.json.gz")).isEqualTo("p/q/AWSDynamoDB/01-a/data/x.json.gz");
        assertThat(location.dataFileKey("AWSDynamoDB/01-a/data/x.json.gz")).isEqualTo("p/q/AWSDynamoDB/01-a/data/x.json.gz");
        assertThat(new ExportLocation("exports", "AWSDynamoDB/01-a/", "set").dataFileKey("AWSDynamoDB/01-a/data/x.json.gz"))
                .isEqualTo("AWSDynamoDB/01-a/data/x.json.gz");
    }
}
