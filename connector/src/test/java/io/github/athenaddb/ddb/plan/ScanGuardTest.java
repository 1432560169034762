package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.table.TableDescription;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanGuardTest
{
    private static final long GB = 1024L * 1024 * 1024;
    private static final TableDescription BIG = new TableDescription("Orders",
            new TableDescription.KeyAttribute("PK", "S"), Optional.of(new TableDescription.KeyAttribute("SK", "S")),
            List.of(new TableDescription.Index("GSI1", TableDescription.IndexKind.GSI, "GSI1PK", Optional.of("GSI1SK"), "ALL", List.of()),
                    new TableDescription.Index("Thin", TableDescription.IndexKind.GSI, "T", Optional.empty(), "KEYS_ONLY", List.of())),
            3 * GB, 1_000_000);

    @Test
    void refusesAScanOfATableOverTheGuardAndNamesEveryUsableKey()
    {
        assertThatThrownBy(() -> ScanGuard.check(BIG, new AccessPlan.Scan("no key"), GB))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Refusing to Scan all of table Orders (3,072 MB, over scan_guard_mb=1,024)")
                .hasMessageContaining("PK (partition key)")
                .hasMessageContaining("GSI1PK (GSI GSI1, with a predicate on GSI1SK that excludes NULL)")
                .hasMessageContaining("T (GSI Thin)");
    }

    @Test
    void aSparseIndexTopNThatMayScanForTheItemsTheIndexLacksIsGuardedAsAScan()
    {
        QueryConstraints topN = new QueryConstraints(Map.of("GSI1PK", PlanFixtures.eq("g")), 5,
                List.of(new QueryConstraints.SortItem("GSI1SK", false, false)));
        ReadPlan scanning = ReadPlanner.plan(BIG, topN, 100);
        ReadPlan querying = ReadPlanner.plan(BIG, new QueryConstraints(Map.of("GSI1PK", PlanFixtures.eq("g"), "PK", PlanFixtures.eq("a")),
                5, topN.orderBy()), 100);

        assertThatThrownBy(() -> ScanGuard.check(BIG, scanning, GB))
                .hasMessageContaining("Refusing to Scan all of table Orders")
                .hasMessageContaining("GSI1PK (GSI GSI1, with a predicate on GSI1SK that excludes NULL)");
        // Its partition's Query on the table reads what the key selects.
        ScanGuard.check(BIG, querying, GB);
        assertThat(((AccessPlan.Queries) querying.access()).missing()).isPresent();
    }

    @Test
    void aKeyFixedToMoreValuesThanMaxKeyLookupsGetsThePlannersReason()
    {
        Object[] values = new Object[150];
        for (int i = 0; i < values.length; i++) {
            values[i] = "C#" + i;
        }
        AccessPlan plan = AccessPlanner.plan(BIG, Map.of("PK", PlanFixtures.in(values)), 100);

        assertThat(plan).isInstanceOf(AccessPlan.Scan.class);
        assertThat(((AccessPlan.Scan) plan).keyLookups()).hasValue(150);
        assertThatThrownBy(() -> ScanGuard.check(BIG, plan, GB))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Refusing to Scan all of table Orders (3,072 MB, over scan_guard_mb=1,024): partition key PK of the table is "
                        + "fixed to 150 values, which takes 150 Queries, more than max_key_lookups=100. Use fewer values, set "
                        + "max_key_lookups to 150 or more, or raise scan_guard_mb (0 turns the guard off).");
    }

    @Test
    void withoutAKeyPredicateTheReasonAndTheKeysToFix()
    {
        AccessPlan plan = AccessPlanner.plan(BIG, Map.of("Note", PlanFixtures.eq("x")), 100);

        assertThatThrownBy(() -> ScanGuard.check(BIG, plan, GB))
                .hasMessageStartingWith("Refusing to Scan all of table Orders (3,072 MB, over scan_guard_mb=1,024): no predicate fixes the "
                        + "partition key of the table or of a usable index. Add = or IN on PK (partition key) or ");
    }

    @Test
    void allowsKeyAccessOnBigTablesAndScansOfSmallOnes()
    {
        assertThatCode(() -> ScanGuard.check(BIG, new AccessPlan.Queries(Optional.empty(), List.of(), "q"), GB)).doesNotThrowAnyException();
        assertThatCode(() -> ScanGuard.check(BIG, new AccessPlan.Scan("no key"), 4 * GB)).doesNotThrowAnyException();
    }

    @Test
    void zeroTurnsTheGuardOff()
    {
        assertThatCode(() -> ScanGuard.check(BIG, new AccessPlan.Scan("no key"), 0)).doesNotThrowAnyException();
    }
}
