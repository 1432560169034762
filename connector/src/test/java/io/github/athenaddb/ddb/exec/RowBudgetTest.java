package io.github.athenaddb.ddb.exec;

import io.github.athenaddb.ddb.plan.RowLimit;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RowBudgetTest
{
    @Test
    void whenEveryItemIsARowTheLimitIsTheRowsStillWanted()
    {
        RowBudget budget = new RowBudget(new RowLimit(10, true, true, true, Optional.empty()));
        assertThat(budget.requestLimit()).isEqualTo(10);
        wrote(budget, 7, false);
        assertThat(budget.requestLimit()).isEqualTo(3);
        assertThat(budget.requestLimit()).isEqualTo(3);
    }

    @Test
    void underAFilterTheLimitGrowsFromTenItemsPerRowWantedUntilThePageIsTheLimit()
    {
        RowBudget budget = new RowBudget(new RowLimit(1, true, true, false, Optional.empty()));
        assertThat(budget.requestLimit()).isEqualTo(10);
        assertThat(budget.requestLimit()).isEqualTo(40);
        assertThat(budget.requestLimit()).isEqualTo(160);
        for (int i = 0; i < 20; i++) {
            budget.requestLimit();
        }
        assertThat(budget.requestLimit()).as("past Integer.MAX_VALUE: DynamoDB's 1 MB page").isNull();

        RowBudget five = new RowBudget(new RowLimit(5, true, true, false, Optional.empty()));
        wrote(five, 3, false);
        assertThat(five.requestLimit()).isEqualTo(20);
    }

    @Test
    void withoutALimitThereIsNone()
    {
        assertThat(RowBudget.unlimited().requestLimit()).isNull();
    }

    @Test
    void aNumericTopNCountsOnlyRowsWithASortKeyUntilAPartRestartsTheCount()
    {
        RowBudget budget = new RowBudget(new RowLimit(3, false, false, true, Optional.of("Score")));
        wrote(budget, 2, true);
        wrote(budget, 2, false);
        assertThat(budget.counted()).isEqualTo(2);
        assertThat(budget.exhausted()).isFalse();

        // The items a sparse index lacks: every row counts, up to the rows still wanted.
        budget.restart(new RowLimit(1, false, true, false, Optional.empty()));
        assertThat(budget.counted()).isZero();
        assertThat(budget.requestLimit()).as("a filtered part grows from 10 items per row").isEqualTo(10);
        wrote(budget, 1, true);
        assertThat(budget.exhausted()).isTrue();
    }

    @Test
    void anUnlimitedBudgetStaysUnlimitedWhenRestarted()
    {
        RowBudget budget = RowBudget.unlimited();
        budget.restart(new RowLimit(1, false, true, true, Optional.empty()));
        wrote(budget, 5, false);
        assertThat(budget.exhausted()).isFalse();
        assertThat(budget.requestLimit()).isNull();
    }

    private static void wrote(RowBudget budget, int rows, boolean nullInCountedColumn)
    {
        for (int i = 0; i < rows; i++) {
            budget.wrote(nullInCountedColumn);
        }
    }
}
