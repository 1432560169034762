package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.plan.AccessPlan;
import io.github.athenaddb.ddb.plan.KeyCondition;
import io.github.athenaddb.ddb.plan.ReadPlan;
import io.github.athenaddb.ddb.plan.RowLimit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SplitPlannerTest
{
    private static final ReadPlan SCAN = new ReadPlan(new AccessPlan.Scan("no key"), RowLimit.NONE, Optional.empty());

    private static List<KeyCondition> partitions(int count)
    {
        List<KeyCondition> conditions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            conditions.add(new KeyCondition("PK", AttributeValue.fromS("P" + i), Optional.empty()));
        }
        return conditions;
    }

    private static ReadPlan queries(int count, RowLimit limit)
    {
        return new ReadPlan(new AccessPlan.Queries(Optional.empty(), partitions(count), "q"), limit, Optional.empty());
    }

    @Test
    void withoutACapOneSplitPerSegment()
    {
        SplitPlanner.Planned planned = SplitPlanner.plan("T", SCAN, 8, 0);

        assertThat(planned.reads()).hasSize(8).allSatisfy(r -> assertThat(((ScanSplit) r).totalSegments()).isEqualTo(8));
        assertThat(planned.rate().capped()).isFalse();
    }

    @Test
    void underACapOnlyTheSegmentsItNeeds()
    {
        SplitPlanner.Planned planned = SplitPlanner.plan("T", SCAN, 8, 250);

        assertThat(planned.reads()).containsExactly(new ScanSplit("T", 0, 3), new ScanSplit("T", 1, 3), new ScanSplit("T", 2, 3));
        assertThat(planned.rate().unitsPerSplit() * planned.reads().size()).isEqualTo(250);
    }

    @Test
    void underACapQueriesAreGroupedInOrder()
    {
        SplitPlanner.Planned planned = SplitPlanner.plan("T", queries(8, RowLimit.NONE), 1, 250);

        assertThat(planned.reads()).extracting(r -> ((ReadSplit.QuerySplit) r).conditions().size()).containsExactly(2, 3, 3);
        List<KeyCondition> all = new ArrayList<>();
        planned.reads().forEach(r -> all.addAll(((ReadSplit.QuerySplit) r).conditions()));
        assertThat(all).isEqualTo(partitions(8));
    }

    @Test
    void aTopNKeepsOneQueryPerSplitAndSharesTheCapEvenly()
    {
        RowLimit topN = new RowLimit(10, false, false, true, Optional.empty());
        SplitPlanner.Planned planned = SplitPlanner.plan("T", queries(8, topN), 1, 50);

        assertThat(planned.reads()).hasSize(8).allSatisfy(r -> assertThat(((ReadSplit.QuerySplit) r).conditions()).hasSize(1));
        assertThat(planned.rate().unitsPerSplit()).isEqualTo(6.25);
    }

    @Test
    void aPlainLimitIsOneSplitWithTheWholeCap()
    {
        RowLimit limit = new RowLimit(5, true, true, true, Optional.empty());
        SplitPlanner.Planned scan = SplitPlanner.plan("T", new ReadPlan(new AccessPlan.Scan("no key"), limit, Optional.empty()), 8, 50);
        SplitPlanner.Planned query = SplitPlanner.plan("T", queries(8, limit), 1, 50);

        assertThat(scan.reads()).containsExactly(new ScanSplit("T", 0, 1));
        assertThat(query.reads()).hasSize(1);
        assertThat(((ReadSplit.QuerySplit) query.reads().get(0)).conditions()).hasSize(8);
        assertThat(query.rate().unitsPerSplit()).isEqualTo(50);
    }

    @Test
    void keysAreOneSplit()
    {
        ReadPlan get = new ReadPlan(new AccessPlan.GetItems(List.of(Map.of("PK", AttributeValue.fromS("a"))), "get"), RowLimit.NONE,
                Optional.empty());

        assertThat(SplitPlanner.plan("T", get, 8, 50).reads()).hasSize(1);
    }
}
