package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ddb.table.TableDescription;
import io.github.athenaddb.ddb.table.TableDescription.Index;
import io.github.athenaddb.ddb.table.TableDescription.IndexKind;
import io.github.athenaddb.ddb.table.TableDescription.KeyAttribute;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.athenaddb.ddb.plan.PlanFixtures.domain;
import static io.github.athenaddb.ddb.plan.PlanFixtures.eq;
import static io.github.athenaddb.ddb.plan.PlanFixtures.greaterThan;
import static io.github.athenaddb.ddb.plan.PlanFixtures.in;
import static io.github.athenaddb.ddb.plan.PlanFixtures.interval;
import static io.github.athenaddb.ddb.plan.PlanFixtures.notNull;
import static io.github.athenaddb.ddb.plan.PlanFixtures.withIndexes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A top-N on a sparse index's sort key reads the index, and the items it lacks from the table:
 * what each part reads (key conditions, filter) and why, and when the index is still refused.
 */
class SparseIndexTopNTest
{
    private static final TableDescription INDEXED = withIndexes("ALL");
    /** The demo's shape: GSI1 on GSI1PK / GSI1SK, both S. */
    private static final TableDescription TEXT_GSI = new TableDescription("Shop", new KeyAttribute("PK", "S"), Optional.of(new KeyAttribute("SK", "S")),
            List.of(new Index("GSI1", IndexKind.GSI, "GSI1PK", Optional.of("GSI1SK"), "KEYS_ONLY", List.of())), 0, 0);

    private static QueryConstraints topN(Map<String, ColumnDomain> domains, long n, String attribute, boolean ascending, boolean nullsFirst)
    {
        return new QueryConstraints(domains, n, List.of(new QueryConstraints.SortItem(attribute, ascending, nullsFirst)));
    }

    @Test
    void readsTheIndexAndScansForItemsWithoutItsSortKeyOnlyIfNeeded()
    {
        ReadPlan plan = ReadPlanner.plan(TEXT_GSI, topN(Map.of("GSI1PK", eq("CUSTOMER")), 5, "GSI1SK", false, false), 100);

        AccessPlan.Queries queries = (AccessPlan.Queries) plan.access();
        assertThat(queries.index()).hasValue("GSI1");
        assertThat(queries.conditions()).extracting(KeyCondition::expression).containsExactly("#k0 = :k0");
        assertThat(plan.limit()).isEqualTo(new RowLimit(5, false, false, true, Optional.empty()));
        assertThat(plan.filter()).isEmpty();
        MissingSortKeys missing = queries.missing().orElseThrow();
        assertThat(missing.first()).isFalse();
        assertThat(missing.read()).isInstanceOf(AccessPlan.Scan.class);
        assertThat(missing.filter().expression()).isEqualTo("attribute_not_exists(#f0) AND attribute_exists(#f1) AND (NOT attribute_type(#f1, :f1) OR #f1 = :f0)");
        assertThat(missing.filter().names()).isEqualTo(Map.of("#f0", "GSI1SK", "#f1", "GSI1PK"));
        assertThat(plan.reason()).isEqualTo("1 Query(s) on index GSI1: partition key GSI1PK is fixed, read in the ORDER BY's order"
                + " (a KEYS_ONLY index: items are fetched from the table when the query needs other attributes);"
                + " items without GSI1SK (not in the index) are read only if the index holds fewer than N matching items,"
                + " by Scan: no predicate fixes the partition key of the table or of a usable index with FilterExpression "
                + missing.filter().expression()
                + "; stops after 5 row(s) per split, reading the sort key in descending order");
    }

    @Test
    void anLsisMissingItemsAreAQueryOfTheTablePartition()
    {
        ReadPlan plan = ReadPlanner.plan(INDEXED, topN(Map.of("PK", in("a", "b"), "Total", greaterThan(5L)), 3, "OrderDate", true, true), 100);

        AccessPlan.Queries queries = (AccessPlan.Queries) plan.access();
        assertThat(queries.index()).hasValue("ByDate");
        assertThat(queries.conditions()).hasSize(2);
        MissingSortKeys missing = queries.missing().orElseThrow();
        assertThat(missing.first()).as("NULLS FIRST: those rows first").isTrue();
        AccessPlan.Queries table = (AccessPlan.Queries) missing.read();
        assertThat(table.index()).isEmpty();
        assertThat(table.conditions()).extracting(c -> c.hashValue().s()).containsExactly("a", "b");
        // The partition key is the Query's: not in the filter; the other constraint is.
        assertThat(missing.filter().names()).containsOnlyKeys("#f0", "#f1").containsEntry("#f0", "OrderDate").containsEntry("#f1", "Total");
        assertThat(missing.filter().expression()).startsWith("attribute_not_exists(#f0) AND ");
        assertThat(plan.limit().rows()).isEqualTo(3);
        assertThat(plan.reason()).contains("items without OrderDate (not in the index) are read first, by 2 Query(s) on the table");
    }

    @Test
    void aSortKeyRangeThatAllowsNullKeysTheIndexAndStillCompletes()
    {
        ColumnDomain rangeOrNull = domain(true, interval("2026-01", true, null, false));
        ReadPlan plan = ReadPlanner.plan(INDEXED, topN(Map.of("PK", eq("a"), "OrderDate", rangeOrNull), 3, "OrderDate", false, false), 100);

        AccessPlan.Queries queries = (AccessPlan.Queries) plan.access();
        assertThat(queries.conditions()).extracting(KeyCondition::expression).containsExactly("#k0 = :k0 AND #k1 >= :k1");
        assertThat(queries.missing().orElseThrow().filter().expression()).isEqualTo("attribute_not_exists(#f0)");
    }

    @Test
    void anIndexThatHoldsEveryMatchingItemIsPreferredAndNeedsNoCompletion()
    {
        ReadPlan plan = ReadPlanner.plan(INDEXED, topN(Map.of("GSI1PK", eq("g"), "GSI1SK", notNull()), 5, "GSI1SK", false, false), 100);

        assertThat(((AccessPlan.Queries) plan.access()).missing()).isEmpty();
        assertThat(plan.reason()).doesNotContain("not in the index");
    }

    @Test
    void refusesWhatTheCompletionCannotMakeExact()
    {
        Map<String, ColumnDomain> gsi = Map.of("GSI1PK", eq("g"));
        assertThat(ReadPlanner.plan(INDEXED, new QueryConstraints(gsi, QueryConstraints.NO_LIMIT, List.of()), 100).access())
                .as("no LIMIT: the index is sparse").isInstanceOf(AccessPlan.Scan.class);
        assertThat(ReadPlanner.plan(INDEXED, new QueryConstraints(gsi, 5, List.of(
                        new QueryConstraints.SortItem("GSI1SK", false, false), new QueryConstraints.SortItem("PK", true, false))), 100).access())
                .as("a second ORDER BY item would order the NULL rows").isInstanceOf(AccessPlan.Scan.class);
        assertThat(ReadPlanner.plan(INDEXED, topN(gsi, 5, "GSI1SK", false, true), 100).access())
                .as("NULLS FIRST on a number: a misfit NULL anywhere in the index comes first").isInstanceOf(AccessPlan.Scan.class);
        assertThat(ReadPlanner.plan(INDEXED, topN(Map.of("GSI1PK", eq("g"), "GSI1SK", domain(true)), 5, "GSI1SK", false, false), 100).access())
                .as("IS NULL: no item of the index matches").isInstanceOf(AccessPlan.Scan.class);
        assertThat(ReadPlanner.plan(INDEXED, topN(gsi, 5, "Total", false, false), 100).access())
                .as("ORDER BY another column").isInstanceOf(AccessPlan.Scan.class);
        assertThat(ReadPlanner.plan(INDEXED, topN(Map.of("GSI1PK", in("a", "b", "c")), 5, "GSI1SK", false, false), 2).access())
                .as("more Queries than max_key_lookups").isInstanceOf(AccessPlan.Scan.class);
    }
}
