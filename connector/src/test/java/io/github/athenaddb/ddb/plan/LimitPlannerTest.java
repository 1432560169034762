package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ddb.table.TableDescription;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.athenaddb.ddb.plan.PlanFixtures.HASH_RANGE;
import static io.github.athenaddb.ddb.plan.PlanFixtures.eq;
import static io.github.athenaddb.ddb.plan.PlanFixtures.greaterThan;
import static io.github.athenaddb.ddb.plan.PlanFixtures.in;
import static io.github.athenaddb.ddb.plan.PlanFixtures.notNull;
import static io.github.athenaddb.ddb.plan.PlanFixtures.withIndexes;
import static org.assertj.core.api.Assertions.assertThat;

/** Each row: a table, constraints with LIMIT and ORDER BY, and the RowLimit and index the read plan must have. */
class LimitPlannerTest
{
    private static final TableDescription INDEXED = withIndexes("ALL");
    private static final long NO_LIMIT = QueryConstraints.NO_LIMIT;
    private static final TableDescription NUMERIC_RANGE = new TableDescription("Events", new TableDescription.KeyAttribute("PK", "S"),
            Optional.of(new TableDescription.KeyAttribute("Seq", "N")), List.of(), 0, 0);

    record Case(String name, TableDescription table, Map<String, ColumnDomain> domains, long limit, List<QueryConstraints.SortItem> orderBy,
                RowLimit expected, String index)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    private static QueryConstraints.SortItem asc(String attribute)
    {
        return new QueryConstraints.SortItem(attribute, true, false);
    }

    private static QueryConstraints.SortItem desc(String attribute)
    {
        return new QueryConstraints.SortItem(attribute, false, false);
    }

    private static RowLimit limit(long rows, boolean oneSplit, boolean forward, boolean requestLimit, String counted)
    {
        return new RowLimit(rows, oneSplit, forward, requestLimit, Optional.ofNullable(counted));
    }

    static List<Case> cases()
    {
        return List.of(
                new Case("no limit", HASH_RANGE, Map.of(), NO_LIMIT, List.of(), RowLimit.NONE, null),
                new Case("LIMIT on a Scan: one split, Limit sent", HASH_RANGE, Map.of(), 10, List.of(), limit(10, true, true, true, null), null),
                new Case("LIMIT 0", HASH_RANGE, Map.of(), 0, List.of(), limit(0, true, true, true, null), null),
                new Case("LIMIT on a filtered Scan: no Limit (it counts items read)", HASH_RANGE, Map.of("Status", eq("open")), 10, List.of(),
                        limit(10, true, true, false, null), null),
                new Case("LIMIT over Queries of an IN list: one split", HASH_RANGE, Map.of("PK", in("a", "b")), 10, List.of(),
                        limit(10, true, true, true, null), null),
                new Case("LIMIT with a sort-key range: Limit sent", HASH_RANGE, Map.of("PK", eq("a"), "SK", greaterThan("m")), 10, List.of(),
                        limit(10, true, true, true, null), null),
                new Case("LIMIT on a Query with a non-key constraint: no Limit", HASH_RANGE, Map.of("PK", eq("a"), "Total", greaterThan(5L)), 10,
                        List.of(), limit(10, true, true, false, null), null),
                new Case("top-N on the table's S sort key, descending", HASH_RANGE, Map.of("PK", eq("a")), 5, List.of(desc("SK")),
                        limit(5, false, false, true, null), null),
                new Case("top-N on the sort key with a tie-breaker (unique within a partition)", HASH_RANGE, Map.of("PK", in("a", "b")), 5,
                        List.of(asc("SK"), desc("Total")), limit(5, false, true, true, null), null),
                new Case("top-N on a non-key column: read everything", HASH_RANGE, Map.of("PK", eq("a")), 5, List.of(desc("Total")),
                        RowLimit.NONE, null),
                new Case("top-N on a Scan: read everything", HASH_RANGE, Map.of(), 5, List.of(asc("SK")), RowLimit.NONE, null),
                new Case("top-N on an N index sort key: count only non-null values", INDEXED,
                        Map.of("GSI1PK", eq("g"), "GSI1SK", notNull()), 5, List.of(desc("GSI1SK")), limit(5, false, false, true, "GSI1SK"), "GSI1"),
                new Case("top-N on an N sort key with NULLS FIRST, NULL excluded: NULLs are no rows", INDEXED,
                        Map.of("GSI1PK", eq("g"), "GSI1SK", notNull()), 5, List.of(new QueryConstraints.SortItem("GSI1SK", false, true)),
                        limit(5, false, false, true, "GSI1SK"), "GSI1"),
                new Case("top-N on an N table sort key with NULLS FIRST: a misfit NULL would come first, read everything", NUMERIC_RANGE,
                        Map.of("PK", eq("a")), 5, List.of(new QueryConstraints.SortItem("Seq", false, true)), RowLimit.NONE, null),
                new Case("top-N on an N table sort key, NULLS LAST: count non-null rows", NUMERIC_RANGE,
                        Map.of("PK", eq("a")), 5, List.of(asc("Seq")), limit(5, false, true, true, "Seq"), null),
                new Case("top-N on an index sort key with a tie-breaker: ties may cross the cut", INDEXED,
                        Map.of("GSI1PK", eq("g"), "GSI1SK", notNull()), 5, List.of(desc("GSI1SK"), asc("PK")), RowLimit.NONE, "GSI1"),
                new Case("ORDER BY an LSI's sort key picks the LSI over the table", INDEXED,
                        Map.of("PK", eq("a"), "OrderDate", notNull()), 3, List.of(desc("OrderDate")), limit(3, false, false, true, null), "ByDate"),
                new Case("a sparse LSI without IS NOT NULL: its first 3, completed from the table only if fewer", INDEXED,
                        Map.of("PK", eq("a")), 3, List.of(desc("OrderDate")), limit(3, false, false, true, null), "ByDate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansTheLimit(Case c)
    {
        ReadPlan plan = ReadPlanner.plan(c.table(), new QueryConstraints(c.domains(), c.limit(), c.orderBy()), 100);

        assertThat(plan.limit()).isEqualTo(c.expected());
        if (plan.access() instanceof AccessPlan.Queries queries) {
            assertThat(queries.index().orElse(null)).isEqualTo(c.index());
        }
        else {
            assertThat(c.index()).isNull();
        }
    }
}
