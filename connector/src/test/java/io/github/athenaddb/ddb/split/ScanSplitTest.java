package io.github.athenaddb.ddb.split;

import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.spill.S3SpillLocation;
import io.github.athenaddb.ConnectorException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanSplitTest
{
    private static Split.Builder builder()
    {
        return Split.newBuilder(new S3SpillLocation("spill-bucket", "query-1/split-1", true), null);
    }

    private static Split split(Map<String, String> properties)
    {
        return builder().applyProperties(properties).build();
    }

    @Test
    void roundTripsThroughASplit()
    {
        ScanSplit original = new ScanSplit("Shop-Orders.v1", 3, 8);

        Split split = original.addTo(builder()).build();

        assertThat(ScanSplit.from(split)).isEqualTo(original);
        assertThat(split.getProperties()).containsOnlyKeys("ddb.kind", "ddb.table", "ddb.segment", "ddb.totalSegments");
        assertThat(ReadSplit.from(split)).isEqualTo(original);
    }

    @Test
    void addToKeepsPropertiesAlreadyOnTheSplit()
    {
        Split split = new ScanSplit("t", 0, 1).addTo(builder().add("other", "x")).build();

        assertThat(split.getProperty("other")).isEqualTo("x");
        assertThat(ScanSplit.from(split)).isEqualTo(new ScanSplit("t", 0, 1));
    }

    @Test
    void missingPropertyIsAClearError()
    {
        assertThatThrownBy(() -> ScanSplit.from(split(Map.of("ddb.table", "t", "ddb.segment", "0", "stray", "x"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("missing")
                .hasMessageContaining("ddb.totalSegments")
                .hasMessageContaining("stray");
    }

    @Test
    void emptySplitIsAClearError()
    {
        assertThatThrownBy(() -> ScanSplit.from(split(Map.of())))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("send splits exactly as GetSplits returned them");
    }

    @Test
    void nonNumericSegmentIsAClearError()
    {
        assertThatThrownBy(() -> ScanSplit.from(split(Map.of("ddb.table", "t", "ddb.segment", "x", "ddb.totalSegments", "4"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("segment is invalid");
    }

    @Test
    void segmentOutOfRangeIsAClearError()
    {
        assertThatThrownBy(() -> ScanSplit.from(split(Map.of("ddb.table", "t", "ddb.segment", "4", "ddb.totalSegments", "4"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("segment 4 of 4 is not a valid Scan segment");
    }

    @Test
    void constructorRejectsImpossibleSegments()
    {
        assertThatThrownBy(() -> new ScanSplit("t", -1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanSplit("t", 4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanSplit("t", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanSplit(null, 0, 1)).isInstanceOf(NullPointerException.class);
    }
}
