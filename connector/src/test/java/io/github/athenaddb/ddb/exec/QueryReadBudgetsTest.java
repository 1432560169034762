package io.github.athenaddb.ddb.exec;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the splits of a read share its cap in one JVM, and why instances together stay under it. */
class QueryReadBudgetsTest
{
    private long now;

    private QueryReadBudgets budgets()
    {
        return new QueryReadBudgets(() -> now);
    }

    @Test
    void splitsOfOneReadShareOneBudgetOfTheirShares()
    {
        QueryReadBudgets budgets = budgets();
        QueryReadBudgets.Lease first = budgets.join("q1", "Orders", 25, 50);
        QueryReadBudgets.Lease second = budgets.join("q1", "Orders", 25, 50);

        assertThat(second.limiter()).isSameAs(first.limiter());
        assertThat(first.limiter().rate()).isEqualTo(50);
        assertThat(budgets.join("q2", "Orders", 25, 50).limiter()).isNotSameAs(first.limiter());
        assertThat(budgets.join("q1", "Customers", 25, 50).limiter()).isNotSameAs(first.limiter());
    }

    @Test
    void aSplitThatEndedLeavesItsShareToTheNextOne()
    {
        QueryReadBudgets budgets = budgets();
        try (QueryReadBudgets.Lease first = budgets.join("q1", "Orders", 25, 50)) {
            assertThat(first.limiter().rate()).isEqualTo(25);
        }
        // Its share is not used anywhere else: the split that starts next reads at both.
        try (QueryReadBudgets.Lease second = budgets.join("q1", "Orders", 25, 50)) {
            assertThat(second.limiter().rate()).isEqualTo(50);
        }
    }

    /**
     * Lambda: each instance runs one split at a time, and has its own budgets. Eight splits of
     * 6.25 units/s (a cap of 50), run in turn by three instances: at every moment the instances'
     * rates add up to at most 50, and the last splits read faster than 6.25.
     */
    @Test
    void acrossInstancesTheRatesNeverAddUpToMoreThanTheCap()
    {
        List<QueryReadBudgets> instances = List.of(budgets(), budgets(), budgets());
        QueryReadBudgets.Lease[] last = new QueryReadBudgets.Lease[instances.size()];
        double fastest = 0;
        for (int split = 0; split < 8; split++) {
            int instance = split % instances.size();
            if (last[instance] != null) {
                last[instance].close();
            }
            last[instance] = instances.get(instance).join("q1", "Orders", 6.25, 50);
            double total = 0;
            for (QueryReadBudgets.Lease lease : last) {
                total += lease == null ? 0 : lease.limiter().rate();
            }
            assertThat(total).isLessThanOrEqualTo(50);
            fastest = Math.max(fastest, last[instance].limiter().rate());
        }
        // The first instance ran splits 0, 3 and 6: its last one reads at their three shares.
        assertThat(fastest).isEqualTo(18.75);
    }

    @Test
    void aReadIsForgottenAfterItsSplitsHaveBeenIdleForAWhile()
    {
        QueryReadBudgets budgets = budgets();
        budgets.join("q1", "Orders", 25, 50).close();
        now += (QueryReadBudgets.IDLE_SECONDS - 1) * 1_000_000_000L;
        budgets.join("q2", "Orders", 25, 50).close();
        assertThat(budgets.size()).isEqualTo(2);
        now += 2_000_000_000L;
        budgets.join("q3", "Orders", 25, 50);
        assertThat(budgets.size()).isEqualTo(2);
        assertThat(budgets.join("q1", "Orders", 25, 50).limiter().rate()).isEqualTo(25);
    }
}
