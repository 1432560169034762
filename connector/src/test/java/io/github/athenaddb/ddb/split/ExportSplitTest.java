package io.github.athenaddb.ddb.split;

import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.spill.S3SpillLocation;
import io.github.athenaddb.ConnectorException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportSplitTest
{
    private static Split.Builder builder()
    {
        return Split.newBuilder(new S3SpillLocation("spill-bucket", "query-1/split-1", true), null);
    }

    @Test
    void roundTripsThroughTheCodec()
    {
        ExportSplit export = new ExportSplit("Orders", "exports", List.of("p/AWSDynamoDB/01-a/data/b.json.gz", "p/AWSDynamoDB/01-a/data/a.json.gz"),
                Instant.ofEpochMilli(1_780_000_000_123L));

        Split split = SplitCodec.write(export, builder()).build();

        assertThat(split.getProperties()).isEqualTo(Map.of("ddb.kind", "EXPORT", "ddb.table", "Orders", "ddb.exportBucket", "exports",
                "ddb.exportFiles", "[\"p/AWSDynamoDB/01-a/data/b.json.gz\",\"p/AWSDynamoDB/01-a/data/a.json.gz\"]",
                "ddb.exportTimeMillis", "1780000000123"));
        assertThat(SplitCodec.read(split)).isEqualTo(export);
    }

    @Test
    void anExportSplitWithoutItsFilesIsAClearError()
    {
        Split split = builder().applyProperties(Map.of("ddb.kind", "EXPORT", "ddb.table", "Orders", "ddb.exportBucket", "exports",
                "ddb.exportTimeMillis", "1780000000123")).build();

        assertThatThrownBy(() -> SplitCodec.read(split))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("missing ddb.exportFiles");
    }
}
