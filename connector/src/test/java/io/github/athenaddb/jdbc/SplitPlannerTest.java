package io.github.athenaddb.jdbc;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SplitPlannerTest
{
    private static final TableStats.TableRef ORDERS = new TableStats.TableRef("shop", "orders");
    private static final JdbcOptions OPTIONS = new JdbcOptions(1000, 8, false);

    @Test
    void aSmallTableIsOneSplit()
    {
        TableStats stats = new TableStats(1000, List.of(), Optional.of(new TableStats.KeyRange("id", 1, 1000)));
        assertThat(SplitPlanner.plan(ORDERS, stats, OPTIONS, false)).containsExactly(JdbcSplit.whole(ORDERS));
    }

    @Test
    void aLargeTableWithAnIntegerKeyIsReadInOpenEndedEqualRanges()
    {
        TableStats stats = new TableStats(3500, List.of(), Optional.of(new TableStats.KeyRange("id", 0, 3999)));
        List<JdbcSplit> splits = SplitPlanner.plan(ORDERS, stats, OPTIONS, false);
        assertThat(splits).extracting(s -> s.range().orElseThrow()).containsExactly(
                new SplitRange("id", Long.MIN_VALUE, 1000),
                new SplitRange("id", 1000, 2000),
                new SplitRange("id", 2000, 3000),
                new SplitRange("id", 3000, Long.MAX_VALUE));
        assertThat(splits).allMatch(s -> s.table().equals(ORDERS));
    }

    @Test
    void rangesAreCappedByMaxSplitsAndByTheKeysSpan()
    {
        TableStats many = new TableStats(1_000_000, List.of(), Optional.of(new TableStats.KeyRange("id", 1, 1_000_000)));
        assertThat(SplitPlanner.plan(ORDERS, many, OPTIONS, false)).hasSize(8);
        TableStats narrow = new TableStats(1_000_000, List.of(), Optional.of(new TableStats.KeyRange("id", 7, 9)));
        assertThat(SplitPlanner.plan(ORDERS, narrow, OPTIONS, false)).extracting(s -> s.range().orElseThrow()).containsExactly(
                new SplitRange("id", Long.MIN_VALUE, 8), new SplitRange("id", 8, 9), new SplitRange("id", 9, Long.MAX_VALUE));
        TableStats single = new TableStats(1_000_000, List.of(), Optional.of(new TableStats.KeyRange("id", 7, 7)));
        assertThat(SplitPlanner.plan(ORDERS, single, OPTIONS, false)).containsExactly(JdbcSplit.whole(ORDERS));
    }

    @Test
    void keysSpanningTheWholeBigintRangeDoNotOverflow()
    {
        TableStats stats = new TableStats(4000, List.of(), Optional.of(new TableStats.KeyRange("id", Long.MIN_VALUE, Long.MAX_VALUE)));
        List<JdbcSplit> splits = SplitPlanner.plan(ORDERS, stats, new JdbcOptions(1000, 4, false), false);
        assertThat(splits).extracting(s -> s.range().orElseThrow().low())
                .containsExactly(Long.MIN_VALUE, Long.MIN_VALUE / 2, 0L, Long.MAX_VALUE / 2 + 1);
        assertThat(splits.get(3).range().orElseThrow().high()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aPartitionedTableIsOneSplitPerLeafPartition()
    {
        List<TableStats.TableRef> leaves = List.of(new TableStats.TableRef("shop", "orders_2025"), new TableStats.TableRef("archive", "orders_old"));
        TableStats stats = new TableStats(-1, leaves, Optional.empty());
        assertThat(SplitPlanner.plan(ORDERS, stats, OPTIONS, false)).extracting(JdbcSplit::table).containsExactlyElementsOf(leaves);
    }

    @Test
    void aLimitIsAlwaysOneSplitBecauseAthenaDoesNotCutWhatTheSplitsReturn()
    {
        TableStats stats = new TableStats(1_000_000, List.of(new TableStats.TableRef("shop", "orders_2025")),
                Optional.of(new TableStats.KeyRange("id", 1, 1_000_000)));
        assertThat(SplitPlanner.plan(ORDERS, stats, OPTIONS, true)).containsExactly(JdbcSplit.whole(ORDERS));
    }

    @Test
    void withoutAKeyOrStatisticsTheTableIsOneSplit()
    {
        assertThat(SplitPlanner.plan(ORDERS, TableStats.unknown(), OPTIONS, false)).containsExactly(JdbcSplit.whole(ORDERS));
        assertThat(SplitPlanner.plan(ORDERS, new TableStats(1_000_000, List.of(), Optional.empty()), OPTIONS, false))
                .containsExactly(JdbcSplit.whole(ORDERS));
    }
}
