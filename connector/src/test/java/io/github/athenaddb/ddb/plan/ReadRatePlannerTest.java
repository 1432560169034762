package io.github.athenaddb.ddb.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadRatePlannerTest
{
    @ParameterizedTest(name = "cap {0}, {1} wanted -> {2} of {3}")
    @CsvSource({
            // The report: a cap of 50 over 8 segments. One split can consume 50 units/s: one split, the whole cap.
            "50, 8, 1, 50",
            "100, 8, 1, 100",
            "101, 8, 2, 50.5",
            "300, 8, 3, 100",
            "1000, 8, 8, 125",
            "100000, 64, 64, 1562.5",
            "0.5, 8, 1, 0.5",
            "50, 1, 1, 50"})
    void onlyAsManySplitsAsTheCapNeedsEachWithAnEqualShare(double cap, int wanted, int splits, double share)
    {
        ReadRatePlan plan = ReadRatePlanner.plan(cap, wanted);

        assertThat(plan.splits()).isEqualTo(splits);
        assertThat(plan.unitsPerSplit()).isEqualTo(share);
        assertThat(plan.splits() * plan.unitsPerSplit()).isEqualTo(cap);
    }

    @Test
    void withoutACapEverySplitWantedAndNoShare()
    {
        ReadRatePlan plan = ReadRatePlanner.plan(0, 8);

        assertThat(plan.splits()).isEqualTo(8);
        assertThat(plan.capped()).isFalse();
    }

    @Test
    void theReasonSaysWhyFewerSplits()
    {
        assertThat(ReadRatePlanner.plan(50, 8).reason())
                .isEqualTo("max_read_units_per_second=50: 1 split(s) of 50 units/s (not 8: one per 100 units/s of the cap)");
        assertThat(ReadRatePlanner.plan(1000, 8).reason()).isEqualTo("max_read_units_per_second=1000: 8 split(s) of 125 units/s");
    }

    @Test
    void splitsTheReadCannotDoWithoutShareTheCapEvenly()
    {
        ReadRatePlan plan = ReadRatePlanner.evenly(50, 8);

        assertThat(plan.splits()).isEqualTo(8);
        assertThat(plan.unitsPerSplit()).isEqualTo(6.25);
        assertThat(ReadRatePlanner.evenly(0, 8).capped()).isFalse();
    }
}
