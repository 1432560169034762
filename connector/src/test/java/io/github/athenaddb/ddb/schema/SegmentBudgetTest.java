package io.github.athenaddb.ddb.schema;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentBudgetTest
{
    private static final SegmentBudget PLAIN = new SegmentBudget(250, 250, 64 * 1024, SegmentBudget.PROBE_ITEM_BYTES);

    @Test
    void firstRequestAsksForWhatTheByteShareHoldsAtFourKilobytesAnItem()
    {
        assertThat(PLAIN.nextLimit(SegmentBudget.Progress.NONE)).hasValue(16);
        assertThat(new SegmentBudget(5, 5, 64 * 1024, SegmentBudget.PROBE_ITEM_BYTES).nextLimit(SegmentBudget.Progress.NONE)).as("fewer items wanted").hasValue(5);
        assertThat(new SegmentBudget(250, 250, 1024, SegmentBudget.PROBE_ITEM_BYTES).nextLimit(SegmentBudget.Progress.NONE)).as("at least one item").hasValue(1);
    }

    @Test
    void laterRequestsAskForWhatTheRestOfTheShareHoldsAtTheAverageSoFar()
    {
        // 16 small items metered as 4 KB (0.5 RCU): 256 bytes each, 60 KB left.
        assertThat(PLAIN.nextLimit(new SegmentBudget.Progress(16, 16, 4096))).as("capped by the items left").hasValue(234);
        // 16 items of 2 KB: 32 KB left holds 16 more.
        assertThat(PLAIN.nextLimit(new SegmentBudget.Progress(16, 16, 32 * 1024))).hasValue(16);
    }

    @Test
    void stopsWhenItemsEvaluatedItemsOrBytesAreSpent()
    {
        assertThat(PLAIN.nextLimit(new SegmentBudget.Progress(250, 250, 30_000))).isEmpty();
        assertThat(PLAIN.nextLimit(new SegmentBudget.Progress(40, 40, 64 * 1024))).isEmpty();
        SegmentBudget entity = new SegmentBudget(10, 10 * SegmentBudget.ENTITY_READ_FACTOR, 1024 * 1024, SegmentBudget.PROBE_ITEM_BYTES);
        assertThat(entity.nextLimit(new SegmentBudget.Progress(3, 200, 20_000))).as("a rare entity").isEmpty();
        assertThat(entity.nextLimit(new SegmentBudget.Progress(3, 100, 8192))).as("the evaluated items left").hasValue(100);
    }

    @Test
    void settingsSplitItemsAndBytesOverTheSegmentsThatReadAnything()
    {
        SampleSettings settings = SampleSettings.fromConfig(1000, Map.of());
        assertThat(settings.maxBytes()).isEqualTo(256 * 1024);
        assertThat(settings.segmentBudget(false, OptionalLong.empty())).isEqualTo(new SegmentBudget(250, 250, 64 * 1024, SegmentBudget.PROBE_ITEM_BYTES));
        assertThat(settings.segmentBudget(true, OptionalLong.empty())).isEqualTo(new SegmentBudget(250, 5000, 64 * 1024, SegmentBudget.PROBE_ITEM_BYTES));
        SampleSettings tiny = new SampleSettings(2, 4, 8192);
        assertThat(tiny.usedSegments()).isEqualTo(2);
        assertThat(tiny.segmentBudget(false, OptionalLong.empty())).isEqualTo(new SegmentBudget(1, 1, 4096, SegmentBudget.PROBE_ITEM_BYTES));
        assertThat(OptionalInt.of(1)).isEqualTo(tiny.segmentBudget(false, OptionalLong.empty()).nextLimit(SegmentBudget.Progress.NONE));
    }

    @Test
    void aBadMaximumIsOneLineNamingTheSetting()
    {
        assertThat(SampleSettings.fromConfig(10, Map.of("schema_sample_max_kb", "1024")).maxBytes()).isEqualTo(1024 * 1024);
        assertThatThrownBy(() -> SampleSettings.fromConfig(10, Map.of("schema_sample_max_kb", "0")))
                .hasMessage("Invalid configuration schema_sample_max_kb='0': expected an integer from 1 to 4194304");
    }

    @Test
    void theFirstRequestIsSizedFromTheTablesAverageItemWhenDescribeTableGivesOne()
    {
        SampleSettings settings = new SampleSettings(1000, 4, 256 * 1024);
        // The e-commerce sample's ~115-byte items: the segment's 250 items in one request, not 16 then the rest.
        assertThat(settings.segmentBudget(false, OptionalLong.of(115)).nextLimit(SegmentBudget.Progress.NONE)).hasValue(250);
        assertThat(settings.segmentBudget(false, OptionalLong.empty()).nextLimit(SegmentBudget.Progress.NONE)).hasValue(16);
        // Twice the average, and never more than the 4 KB probe: statistics six hours old may undersize today's items.
        assertThat(SegmentBudget.firstItemBytes(OptionalLong.of(1000))).isEqualTo(2000);
        assertThat(SegmentBudget.firstItemBytes(OptionalLong.of(100_000))).isEqualTo(SegmentBudget.PROBE_ITEM_BYTES);
        assertThat(SegmentBudget.firstItemBytes(OptionalLong.empty())).isEqualTo(SegmentBudget.PROBE_ITEM_BYTES);
    }
}
