package io.github.athenaddb.ddb.split;

import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.spill.S3SpillLocation;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.plan.FilterCondition;
import io.github.athenaddb.ddb.plan.KeyCondition;
import io.github.athenaddb.ddb.plan.RowLimit;
import io.github.athenaddb.ddb.plan.SortCondition;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadSplitTest
{
    private static final KeyCondition CONDITION = new KeyCondition("GSI1PK", AttributeValue.fromS("ORDER#é😀"),
            Optional.of(new SortCondition("GSI1SK", SortCondition.Operator.BETWEEN, AttributeValue.fromN("1"),
                    Optional.of(AttributeValue.fromN("9.5")))));

    private static Split.Builder builder()
    {
        return Split.newBuilder(new S3SpillLocation("spill-bucket", "query-1/split-1", true), null);
    }

    private static Split split(Map<String, String> properties)
    {
        return builder().applyProperties(properties).build();
    }

    private static Split through(ReadSplit read)
    {
        return read.addTo(builder()).build();
    }

    @Test
    void querySplitOnAnIndexRoundTrips()
    {
        ReadSplit.QuerySplit query = new ReadSplit.QuerySplit("Shop-Orders.v1", Optional.of("GSI1"), CONDITION);

        Split split = through(query);

        assertThat(ReadSplit.from(split)).isEqualTo(query);
        assertThat(split.getProperty("ddb.kind")).isEqualTo("QUERY");
        assertThat(split.getProperties()).containsOnlyKeys("ddb.kind", "ddb.table", "ddb.keyConditions", "ddb.index");
    }

    @Test
    void sparseIndexTopNSplitRoundTripsWithItsTableQueryOrScan()
    {
        FilterCondition absent = new FilterCondition("attribute_not_exists(#f0) AND #f1 = :f0", Map.of("#f0", "GSI1SK", "#f1", "Note"),
                Map.of(":f0", AttributeValue.fromS("x")));
        ReadSplit.QuerySplit index = new ReadSplit.QuerySplit("T", Optional.of("GSI1"), List.of(CONDITION), Optional.of(Set.of("PK", "SK")));
        SparseIndexTopNSplit scanned = new SparseIndexTopNSplit(index, new ScanSplit("T", 0, 1), absent, false);
        SparseIndexTopNSplit queried = new SparseIndexTopNSplit(index, new ReadSplit.QuerySplit("T", Optional.empty(),
                new KeyCondition("PK", AttributeValue.fromS("a"), Optional.empty())), absent, true);

        assertThat(ReadSplit.from(through(scanned))).isEqualTo(scanned);
        assertThat(ReadSplit.from(through(queried))).isEqualTo(queried);
        assertThat(through(scanned).getProperties()).containsEntry("ddb.kind", "SPARSE_TOP_N").containsEntry("ddb.missingKind", "SCAN")
                .doesNotContainKey("ddb.missingKeyConditions");
        assertThatThrownBy(() -> new SparseIndexTopNSplit(index, new ReadSplit.QuerySplit("T", Optional.of("Other"), CONDITION), absent, false))
                .as("another index might not hold the sort key whose absence the filter tests").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void querySplitOnTheTableHasNoIndexProperty()
    {
        ReadSplit.QuerySplit query = new ReadSplit.QuerySplit("T", Optional.empty(),
                new KeyCondition("PK", AttributeValue.fromN("7"), Optional.empty()));

        Split split = through(query);

        assertThat(split.getProperties()).doesNotContainKey("ddb.index");
        assertThat(ReadSplit.from(split)).isEqualTo(query);
    }

    @Test
    void querySplitWithSeveralConditionsAndReadOptionsRoundTrips()
    {
        ReadSplit.QuerySplit query = new ReadSplit.QuerySplit("T", Optional.of("Thin"), List.of(CONDITION,
                new KeyCondition("PK", AttributeValue.fromS("b"), Optional.empty())), Optional.of(java.util.Set.of("PK", "SK", "Total")));
        ReadOptions options = new ReadOptions(new RowLimit(10, true, false, true, Optional.of("GSI1SK")),
                Optional.of(new FilterCondition("attribute_exists(#f0) AND #f1 = :f0", Map.of("#f0", "a", "#f1", "b"),
                        Map.of(":f0", AttributeValue.fromBool(true)))));

        Split split = options.addTo(query.addTo(builder())).build();

        assertThat(ReadSplit.from(split)).isEqualTo(query);
        ReadOptions back = ReadOptions.from(split);
        assertThat(back.filter()).isEqualTo(options.filter());
        assertThat(back.limit().rows()).isEqualTo(10);
        assertThat(back.limit().forward()).isFalse();
        assertThat(back.limit().requestLimit()).isTrue();
        assertThat(back.limit().countedAttribute()).contains("GSI1SK");
    }

    @Test
    void splitWithoutReadOptionsReadsEverything()
    {
        ReadOptions options = ReadOptions.from(through(new ScanSplit("T", 0, 1)));

        assertThat(options.limit().limited()).isFalse();
        assertThat(options.limit().forward()).isTrue();
        assertThat(options.filter()).isEmpty();
    }

    @Test
    void garbledReadOptionsAreAClearError()
    {
        assertThatThrownBy(() -> ReadOptions.from(split(Map.of("ddb.kind", "SCAN", "ddb.rowLimit", "ten"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("The split's read options are not valid");
        assertThatThrownBy(() -> ReadOptions.from(split(Map.of("ddb.kind", "SCAN", "ddb.filter", "{\"expression\":\"x\"}"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("The split's read options are not valid");
    }

    @Test
    void keysSplitRoundTripsEveryScalarKeyType()
    {
        ReadSplit.KeysSplit keys = new ReadSplit.KeysSplit("T", List.of(
                Map.of("PK", AttributeValue.fromS("a"), "SK", AttributeValue.fromN("1.25")),
                Map.of("PK", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {9, -9})), "SK", AttributeValue.fromN("-3"))));

        Split split = through(keys);

        assertThat(split.getProperty("ddb.kind")).isEqualTo("GET");
        assertThat(ReadSplit.from(split)).isEqualTo(keys);
    }

    @Test
    void scanSplitRoundTrips()
    {
        ScanSplit scan = new ScanSplit("T", 2, 5);

        assertThat(ReadSplit.from(through(scan))).isEqualTo(scan);
    }

    @Test
    void splitWithoutKindIsAScanSegment()
    {
        Split split = split(Map.of("ddb.table", "T", "ddb.segment", "0", "ddb.totalSegments", "1"));

        assertThat(ReadSplit.from(split)).isEqualTo(new ScanSplit("T", 0, 1));
    }

    @Test
    void unknownKindIsAClearError()
    {
        assertThatThrownBy(() -> ReadSplit.from(split(Map.of("ddb.kind", "MERGE", "ddb.table", "T"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Unknown split kind 'MERGE'; send splits as GetSplits returned them");
    }

    @Test
    void queryWithoutKeyConditionIsAClearError()
    {
        assertThatThrownBy(() -> ReadSplit.from(split(Map.of("ddb.kind", "QUERY", "ddb.table", "T"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("The split is not valid (missing ddb.keyConditions)")
                .hasMessageContaining("send splits as GetSplits returned them");
    }

    @Test
    void getWithoutKeysIsAClearError()
    {
        assertThatThrownBy(() -> ReadSplit.from(split(Map.of("ddb.kind", "GET", "ddb.table", "T"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("missing ddb.keys");
    }

    @Test
    void missingTableIsAClearError()
    {
        Map<String, String> properties = new HashMap<>(through(new ReadSplit.QuerySplit("T", Optional.empty(), CONDITION)).getProperties());
        properties.remove("ddb.table");

        assertThatThrownBy(() -> ReadSplit.from(split(properties)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("The split is not valid (table is null)");
    }

    @Test
    void scanWithoutSegmentIsAClearError()
    {
        assertThatThrownBy(() -> ReadSplit.from(split(Map.of("ddb.kind", "SCAN", "ddb.table", "T"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void garbledKeyConditionIsAClearError()
    {
        assertThatThrownBy(() -> ReadSplit.from(split(Map.of("ddb.kind", "QUERY", "ddb.table", "T", "ddb.keyConditions", "[{\"hashKey\":"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("The split is not valid (not valid JSON");
        assertThatThrownBy(() -> ReadSplit.from(split(Map.of("ddb.kind", "QUERY", "ddb.table", "T", "ddb.keyConditions", "[{}]"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("The split is not valid");
        assertThatThrownBy(() -> ReadSplit.from(split(Map.of("ddb.kind", "GET", "ddb.table", "T", "ddb.keys", "[{\"PK\":{\"L\":[]}}]"))))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("not a key value");
    }
}
