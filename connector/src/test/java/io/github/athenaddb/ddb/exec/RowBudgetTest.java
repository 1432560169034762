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
        budget.counted(7);
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
        five.counted(3);
        assertThat(five.requestLimit()).isEqualTo(20);
    }

    @Test
    void withoutALimitThereIsNone()
    {
        assertThat(RowBudget.unlimited().requestLimit()).isNull();
    }
}
