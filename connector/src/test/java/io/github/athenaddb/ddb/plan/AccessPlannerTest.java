package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ddb.table.TableDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.athenaddb.ddb.plan.PlanFixtures.HASH_ONLY;
import static io.github.athenaddb.ddb.plan.PlanFixtures.HASH_RANGE;
import static io.github.athenaddb.ddb.plan.PlanFixtures.NUMERIC_HASH;
import static io.github.athenaddb.ddb.plan.PlanFixtures.atLeast;
import static io.github.athenaddb.ddb.plan.PlanFixtures.atMost;
import static io.github.athenaddb.ddb.plan.PlanFixtures.between;
import static io.github.athenaddb.ddb.plan.PlanFixtures.domain;
import static io.github.athenaddb.ddb.plan.PlanFixtures.eq;
import static io.github.athenaddb.ddb.plan.PlanFixtures.greaterThan;
import static io.github.athenaddb.ddb.plan.PlanFixtures.in;
import static io.github.athenaddb.ddb.plan.PlanFixtures.interval;
import static io.github.athenaddb.ddb.plan.PlanFixtures.lessThan;
import static io.github.athenaddb.ddb.plan.PlanFixtures.notNull;
import static io.github.athenaddb.ddb.plan.PlanFixtures.withIndexes;
import static org.assertj.core.api.Assertions.assertThat;

class AccessPlannerTest
{
    private static final TableDescription INDEXED = withIndexes("ALL");
    private static final TableDescription KEYS_ONLY_INDEXES = withIndexes("KEYS_ONLY");
    /** A million items in the table, a hundred in the sparse GSI1. */
    private static final TableDescription COUNTED = new TableDescription("Orders", INDEXED.hashKey(), INDEXED.rangeKey(),
            List.of(new TableDescription.Index("GSI1", TableDescription.IndexKind.GSI, "GSI1PK", Optional.of("GSI1SK"), "ALL", List.of(), 100)),
            1L << 30, 1_000_000, INDEXED.attributeTypes());
    private static final String BY_TABLE = null;

    /** The expected plan: kind, index, number of keys or Queries, and the first key or key condition. */
    record Expect(String kind, String index, int count, String expression, Map<String, AttributeValue> first, String reasonMentions) {}

    record Case(String name, TableDescription table, Map<String, ColumnDomain> domains, int maxKeyLookups, Expect expect)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    static List<Case> cases()
    {
        return List.of(
                c("hash-only table, hash =", HASH_ONLY, Map.of("CustomerId", eq("c1")),
                        get(1, Map.of("CustomerId", s("c1")), "GetItem: the whole primary key is fixed")),
                c("hash-only table, hash IN of 3", HASH_ONLY, Map.of("CustomerId", in("c1", "c2", "c3")),
                        get(3, Map.of("CustomerId", s("c1")), "BatchGetItem of 3 keys")),
                c("hash = only", HASH_RANGE, Map.of("PK", eq("a")),
                        query(BY_TABLE, 1, "#k0 = :k0", Map.of(":k0", s("a")), "1 Query(s) on the table: partition key PK is fixed")),
                c("hash = and range =", HASH_RANGE, Map.of("PK", eq("a"), "SK", eq("x")),
                        get(1, Map.of("PK", s("a"), "SK", s("x")), "GetItem")),
                c("hash IN 2 and range IN 2", HASH_RANGE, Map.of("PK", in("a", "b"), "SK", in("x", "y")),
                        get(4, Map.of("PK", s("a"), "SK", s("x")), "BatchGetItem of 4 keys")),
                c("range >", HASH_RANGE, Map.of("PK", eq("a"), "SK", greaterThan("m")),
                        query(BY_TABLE, 1, "#k0 = :k0 AND #k1 > :k1", Map.of(":k0", s("a"), ":k1", s("m")), "condition on sort key SK")),
                c("range >=", HASH_RANGE, Map.of("PK", eq("a"), "SK", atLeast("m")),
                        query(BY_TABLE, 1, "#k0 = :k0 AND #k1 >= :k1", Map.of(":k0", s("a"), ":k1", s("m")), "sort key SK")),
                c("range <", HASH_RANGE, Map.of("PK", eq("a"), "SK", lessThan("m")),
                        query(BY_TABLE, 1, "#k0 = :k0 AND #k1 < :k1", Map.of(":k0", s("a"), ":k1", s("m")), "sort key SK")),
                c("range <=", HASH_RANGE, Map.of("PK", eq("a"), "SK", atMost("m")),
                        query(BY_TABLE, 1, "#k0 = :k0 AND #k1 <= :k1", Map.of(":k0", s("a"), ":k1", s("m")), "sort key SK")),
                c("range BETWEEN", HASH_RANGE, Map.of("PK", eq("a"), "SK", between("b", "m")),
                        query(BY_TABLE, 1, "#k0 = :k0 AND #k1 BETWEEN :k1 AND :k2", Map.of(":k0", s("a"), ":k1", s("b"), ":k2", s("m")), "SK")),
                c("two disjoint ranges, one Query each", HASH_RANGE,
                        Map.of("PK", eq("a"), "SK", domain(false, interval("b", true, "c", true), interval("k", false, "m", false))),
                        query(BY_TABLE, 2, "#k0 = :k0 AND #k1 BETWEEN :k1 AND :k2", Map.of(":k0", s("a"), ":k1", s("b"), ":k2", s("c")), "SK")),
                c("more disjoint ranges than max_key_lookups allows: their span", HASH_RANGE,
                        Map.of("PK", eq("a"), "SK", domain(false, interval("b", true, "c", true), interval("k", false, "m", false))), 1,
                        query(BY_TABLE, 1, "#k0 = :k0 AND #k1 BETWEEN :k1 AND :k2", Map.of(":k0", s("a"), ":k1", s("b"), ":k2", s("m")), "SK")),
                c("NOT IN on the range key: one Query over the span", HASH_RANGE,
                        Map.of("PK", eq("a"), "SK", domain(false, interval("b", true, "c", false), interval("c", false, "m", true))),
                        query(BY_TABLE, 1, "#k0 = :k0 AND #k1 BETWEEN :k1 AND :k2", Map.of(":k0", s("a"), ":k1", s("b"), ":k2", s("m")), "SK")),
                c("range <> (open at both ends) gives no sort condition", HASH_RANGE,
                        Map.of("PK", eq("a"), "SK", domain(false, interval(null, false, "m", false), interval("m", false, null, false))),
                        query(BY_TABLE, 1, "#k0 = :k0", Map.of(":k0", s("a")), "partition key PK is fixed")),
                c("too many keys for GetItems: Query on the span of the range IN", HASH_RANGE,
                        Map.of("PK", in("a", "b"), "SK", in("x", "y", "z")), 5,
                        query(BY_TABLE, 2, "#k0 = :k0 AND #k1 BETWEEN :k1 AND :k2", Map.of(":k0", s("a"), ":k1", s("x"), ":k2", s("z")), "2 Query(s)")),
                c("hash IN longer than max_key_lookups", HASH_RANGE, Map.of("PK", in("a", "b", "c")), 2,
                        scan("partition key PK of the table is fixed to 3 values, which takes 3 Queries, more than max_key_lookups=2")),
                c("hash IN longer than max_key_lookups on a table without a sort key", HASH_ONLY, Map.of("CustomerId", in("a", "b", "c")), 2,
                        scan("partition key CustomerId of the table is fixed to 3 values, which takes 3 keys, more than max_key_lookups=2")),
                c("range only", HASH_RANGE, Map.of("SK", eq("x")), scan("no predicate fixes the partition key")),
                c("no constraints", HASH_RANGE, Map.of(), scan("Scan")),
                c("GSI hash = with projection ALL", INDEXED, Map.of("Status", eq("open")),
                        query("ByStatus", 1, "#k0 = :k0", Map.of(":k0", s("open")), "on index ByStatus: partition key Status is fixed")),
                c("GSI hash = with projection KEYS_ONLY: a Query, items fetched from the table when needed", KEYS_ONLY_INDEXES,
                        Map.of("Status", eq("open")), query("ByStatus", 1, "#k0 = :k0", Map.of(":k0", s("open")), "a KEYS_ONLY index")),
                c("GSI with an unconstrained range key (sparse)", INDEXED, Map.of("GSI1PK", eq("g")), scan("Scan")),
                c("GSI range key IS NOT NULL", INDEXED, Map.of("GSI1PK", eq("g"), "GSI1SK", notNull()),
                        query("GSI1", 1, "#k0 = :k0", Map.of(":k0", s("g")), "index GSI1")),
                c("GSI range key > 5 OR IS NULL", INDEXED,
                        Map.of("GSI1PK", eq("g"), "GSI1SK", domain(true, interval(5L, false, null, false))), scan("Scan")),
                c("GSI range key IS NULL", INDEXED, Map.of("GSI1PK", eq("g"), "GSI1SK", domain(true)), scan("Scan")),
                c("GSI on both keys", INDEXED, Map.of("GSI1PK", in("g1", "g2"), "GSI1SK", between(1L, 9L)),
                        query("GSI1", 2, "#k0 = :k0 AND #k1 BETWEEN :k1 AND :k2", Map.of(":k0", s("g1"), ":k1", n("1"), ":k2", n("9")),
                                "2 Query(s) on index GSI1")),
                c("table beats an index on a tie", INDEXED, Map.of("PK", eq("a"), "Status", eq("open")),
                        query(BY_TABLE, 1, "#k0 = :k0", Map.of(":k0", s("a")), "on the table")),
                c("an index with a sort condition beats the table without", INDEXED,
                        Map.of("PK", eq("a"), "GSI1PK", eq("g"), "GSI1SK", greaterThan(5L)),
                        query("GSI1", 1, "#k0 = :k0 AND #k1 > :k1", Map.of(":k0", s("g"), ":k1", n("5")), "sort key GSI1SK")),
                c("the table with a sort condition beats an index with one", INDEXED,
                        Map.of("PK", eq("a"), "SK", atLeast("m"), "GSI1PK", eq("g"), "GSI1SK", greaterThan(5L)),
                        query(BY_TABLE, 1, "#k0 = :k0 AND #k1 >= :k1", Map.of(":k0", s("a"), ":k1", s("m")), "on the table")),
                c("with item counts, a small sparse GSI beats a partition of a big table", COUNTED,
                        Map.of("PK", eq("a"), "GSI1PK", eq("g"), "GSI1SK", notNull()),
                        query("GSI1", 1, "#k0 = :k0", Map.of(":k0", s("g")), "index GSI1")),
                c("with item counts, the big table's sort-key condition still beats the GSI without one", COUNTED,
                        Map.of("PK", eq("a"), "SK", atLeast("m"), "GSI1PK", eq("g"), "GSI1SK", notNull()),
                        query(BY_TABLE, 1, "#k0 = :k0 AND #k1 >= :k1", Map.of(":k0", s("a"), ":k1", s("m")), "on the table")),
                c("LSI when its range key is constrained", INDEXED, Map.of("PK", eq("a"), "OrderDate", atLeast("2026-01")),
                        query("ByDate", 1, "#k0 = :k0 AND #k1 >= :k1", Map.of(":k0", s("a"), ":k1", s("2026-01")), "index ByDate")),
                c("N key from a Long", NUMERIC_HASH, Map.of("Id", eq(5L)), get(1, Map.of("Id", n("5")), "GetItem")),
                c("N key from a BigDecimal with trailing zeros", NUMERIC_HASH, Map.of("Id", eq(new BigDecimal("5.00"))),
                        get(1, Map.of("Id", n("5")), "GetItem")),
                c("N key from a String", NUMERIC_HASH, Map.of("Id", eq("5")), scan("Scan")),
                c("an empty string in a hash IN list", HASH_ONLY, Map.of("CustomerId", in("c1", "")), scan("Scan")),
                c("range bound whose UTF-8 and UTF-16 orders differ", HASH_RANGE, Map.of("PK", eq("a"), "SK", lessThan("Ｚ")),
                        query(BY_TABLE, 1, "#k0 = :k0", Map.of(":k0", s("a")), "partition key PK is fixed")),
                c("hash domain that allows NULL", HASH_ONLY, Map.of("CustomerId", domain(true, interval("c1", true, "c1", true))),
                        scan("Scan")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choosesTheCheapestSafePlan(Case c)
    {
        AccessPlan plan = AccessPlanner.plan(c.table(), c.domains(), c.maxKeyLookups());
        Expect e = c.expect();
        assertThat(plan.reason()).contains(e.reasonMentions());
        switch (e.kind()) {
            case "GET" -> {
                assertThat(plan).isInstanceOf(AccessPlan.GetItems.class);
                List<Map<String, AttributeValue>> keys = ((AccessPlan.GetItems) plan).keys();
                assertThat(keys).hasSize(e.count());
                assertThat(keys.get(0)).isEqualTo(e.first());
            }
            case "QUERY" -> {
                assertThat(plan).isInstanceOf(AccessPlan.Queries.class);
                AccessPlan.Queries queries = (AccessPlan.Queries) plan;
                assertThat(queries.index()).isEqualTo(Optional.ofNullable(e.index()));
                assertThat(queries.conditions()).hasSize(e.count());
                assertThat(queries.conditions().get(0).expression()).isEqualTo(e.expression());
                assertThat(queries.conditions().get(0).values()).isEqualTo(e.first());
            }
            default -> assertThat(plan).isInstanceOf(AccessPlan.Scan.class);
        }
    }

    @Test
    void anIncludeIndexNamesWhatItHolds()
    {
        TableDescription include = new TableDescription("Orders", INDEXED.hashKey(), INDEXED.rangeKey(),
                List.of(new TableDescription.Index("ByStatus", TableDescription.IndexKind.GSI, "Status", Optional.empty(), "INCLUDE",
                        List.of("Total"))), 0, 0, INDEXED.attributeTypes());

        AccessPlan.Queries plan = (AccessPlan.Queries) AccessPlanner.plan(include, Map.of("Status", eq("open")), 100);

        assertThat(plan.indexAttributes()).contains(java.util.Set.of("PK", "SK", "Status", "Total"));
        assertThat(IndexCoverage.needsTableFetch(plan.indexAttributes(), List.of("PK", "SK", "Total"))).isFalse();
        assertThat(IndexCoverage.needsTableFetch(plan.indexAttributes(), List.of("PK", "SK", "Total", "Note"))).isTrue();
        assertThat(IndexCoverage.needsTableFetch(Optional.empty(), List.of("Anything"))).isFalse();
    }

    @Test
    void aFilterOnAThinIndexOnlyNamesWhatTheIndexHolds()
    {
        TableDescription include = new TableDescription("Orders", INDEXED.hashKey(), INDEXED.rangeKey(),
                List.of(new TableDescription.Index("ByStatus", TableDescription.IndexKind.GSI, "Status", Optional.empty(), "INCLUDE",
                        List.of("Total"))), 0, 0, INDEXED.attributeTypes());

        ReadPlan plan = ReadPlanner.plan(include, QueryConstraints.of(Map.of("Status", eq("open"), "Total", eq(5L), "Note", eq("x"))), 100);

        assertThat(plan.filter().orElseThrow().names()).containsOnly(java.util.Map.entry("#f0", "Total"));
    }

    @Test
    void batchGetsTheCrossProductOfHashAndRangeValues()
    {
        AccessPlan plan = AccessPlanner.plan(HASH_RANGE, Map.of("PK", in("a", "b"), "SK", in("x", "y")), 100);

        assertThat(((AccessPlan.GetItems) plan).keys()).containsExactly(
                Map.of("PK", s("a"), "SK", s("x")), Map.of("PK", s("a"), "SK", s("y")),
                Map.of("PK", s("b"), "SK", s("x")), Map.of("PK", s("b"), "SK", s("y")));
    }

    @Test
    void queriesOnePartitionPerHashValueWithTheSameSortCondition()
    {
        AccessPlan plan = AccessPlanner.plan(HASH_RANGE, Map.of("PK", in("a", "b", "c"), "SK", greaterThan("m")), 100);

        List<KeyCondition> conditions = ((AccessPlan.Queries) plan).conditions();
        assertThat(conditions).extracting(KeyCondition::hashValue).containsExactly(s("a"), s("b"), s("c"));
        assertThat(conditions).extracting(KeyCondition::sort).containsOnly(
                Optional.of(new SortCondition("SK", SortCondition.Operator.GT, s("m"), Optional.empty())));
        assertThat(conditions.get(0).names()).isEqualTo(Map.of("#k0", "PK", "#k1", "SK"));
    }

    @Test
    void hashInAtTheLimitIsStillBatchGet()
    {
        AccessPlan plan = AccessPlanner.plan(HASH_ONLY, Map.of("CustomerId", in("c1", "c2", "c3")), 3);

        assertThat(plan).isInstanceOf(AccessPlan.GetItems.class);
    }

    private static Case c(String name, TableDescription table, Map<String, ColumnDomain> domains, Expect expect)
    {
        return new Case(name, table, domains, 100, expect);
    }

    private static Case c(String name, TableDescription table, Map<String, ColumnDomain> domains, int maxKeyLookups, Expect expect)
    {
        return new Case(name, table, domains, maxKeyLookups, expect);
    }

    private static Expect get(int keys, Map<String, AttributeValue> first, String reason)
    {
        return new Expect("GET", null, keys, null, first, reason);
    }

    private static Expect query(String index, int queries, String expression, Map<String, AttributeValue> values, String reason)
    {
        return new Expect("QUERY", index, queries, expression, values, reason);
    }

    private static Expect scan(String reason)
    {
        return new Expect("SCAN", null, 0, null, null, reason);
    }

    static AttributeValue s(String v)
    {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v)
    {
        return AttributeValue.fromN(v);
    }
}
