package io.github.athenaddb.ddb.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.github.athenaddb.ddb.plan.PlanFixtures.between;
import static io.github.athenaddb.ddb.plan.PlanFixtures.domain;
import static io.github.athenaddb.ddb.plan.PlanFixtures.eq;
import static io.github.athenaddb.ddb.plan.PlanFixtures.greaterThan;
import static io.github.athenaddb.ddb.plan.PlanFixtures.in;
import static io.github.athenaddb.ddb.plan.PlanFixtures.interval;
import static io.github.athenaddb.ddb.plan.PlanFixtures.lessThan;
import static io.github.athenaddb.ddb.plan.PlanFixtures.notNull;
import static org.assertj.core.api.Assertions.assertThat;

class FilterPlannerTest
{
    /** A domain on attribute "a", and the FilterExpression expected for it (null: none). */
    record Case(String name, ColumnDomain domain, String expression)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    private static final String TYPED_S = "attribute_exists(#f0) AND (NOT attribute_type(#f0, :f%d) OR %s)";

    static List<Case> cases()
    {
        return List.of(
                new Case("varchar =", eq("x"), typed(1, "#f0 = :f0")),
                new Case("varchar IN", in("x", "y", "z"), typed(3, "#f0 IN (:f0, :f1, :f2)")),
                new Case("varchar >", greaterThan("m"), typed(1, "#f0 > :f0")),
                new Case("varchar BETWEEN", between("b", "m"), typed(2, "#f0 BETWEEN :f0 AND :f1")),
                new Case("varchar half-open range", domain(false, interval("b", true, "m", false)), typed(2, "#f0 >= :f0 AND #f0 < :f1")),
                new Case("varchar <> (two ranges)", domain(false, interval(null, false, "m", false), interval("m", false, null, false)),
                        typed(2, "#f0 < :f0 OR #f0 > :f1")),
                new Case("varchar = or IS NULL", domain(true, interval("x", true, "x", true)),
                        "attribute_not_exists(#f0) OR NOT attribute_type(#f0, :f1) OR #f0 = :f0"),
                new Case("bigint =", eq(5L), typed(1, "#f0 = :f0")),
                new Case("bigint range", domain(false, interval(1L, false, 9L, true)), typed(2, "#f0 > :f0 AND #f0 <= :f1")),
                new Case("bigint = or IS NULL: a misfit number reads as NULL", domain(true, interval(5L, true, 5L, true)), null),
                new Case("boolean =", eq(true), typed(1, "#f0 = :f0")),
                new Case("varbinary =", eq(new byte[] {1, 2}), typed(1, "#f0 = :f0")),
                new Case("varbinary range: only existence", domain(false, interval(new byte[] {1}, true, null, false)), "attribute_exists(#f0)"),
                new Case("decimal range (stored values: ReadFidelity widened it)", between(new BigDecimal("1.45"), new BigDecimal("1.55")),
                        typed(2, "#f0 BETWEEN :f0 AND :f1")),
                new Case("decimal range with trailing zeros", between(new BigDecimal("1.450"), new BigDecimal("2")), typed(2, "#f0 BETWEEN :f0 AND :f1")),
                new Case("int = (32-bit column)", eq(7), typed(1, "#f0 = :f0")),
                new Case("IS NOT NULL", notNull(), "attribute_exists(#f0)"),
                new Case("IS NULL: a misfit value reads as NULL too", domain(true), null),
                new Case("no value at all", domain(false), null),
                new Case("string range bound from U+D800 on", lessThan("Ｚ"), "attribute_exists(#f0)"),
                new Case("string equality from U+D800 on", eq("😀"), typed(1, "#f0 = :f0")),
                new Case("too many intervals", manyRanges(FilterPlanner.MAX_INTERVALS + 1), "attribute_exists(#f0)"));
    }

    private static String typed(int typePlaceholder, String comparison)
    {
        return String.format(TYPED_S, typePlaceholder, comparison);
    }

    private static ColumnDomain manyRanges(int n)
    {
        List<ColumnDomain.Interval> intervals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            intervals.add(interval((long) i * 10, true, (long) i * 10 + 5, false));
        }
        return new ColumnDomain(false, intervals);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildsTheFilterForEachDomainShape(Case c)
    {
        Optional<FilterCondition> filter = FilterPlanner.plan(Map.of("a", c.domain()), Set.of());

        assertThat(filter.map(FilterCondition::expression).orElse(null)).isEqualTo(c.expression());
        filter.ifPresent(f -> {
            assertThat(f.names()).isEqualTo(Map.of("#f0", "a"));
            // DynamoDB refuses a placeholder the expression does not use.
            f.values().keySet().forEach(v -> assertThat(f.expression()).contains(v));
        });
    }

    @Test
    void typePlaceholderHoldsTheColumnsDynamoDbType()
    {
        assertThat(FilterPlanner.plan(Map.of("a", eq("x")), Set.of()).orElseThrow().values())
                .isEqualTo(Map.of(":f0", AttributeValue.fromS("x"), ":f1", AttributeValue.fromS("S")));
        assertThat(FilterPlanner.plan(Map.of("a", eq(7L)), Set.of()).orElseThrow().values())
                .isEqualTo(Map.of(":f0", AttributeValue.fromN("7"), ":f1", AttributeValue.fromS("N")));
        assertThat(FilterPlanner.plan(Map.of("a", eq(false)), Set.of()).orElseThrow().values())
                .isEqualTo(Map.of(":f0", AttributeValue.fromBool(false), ":f1", AttributeValue.fromS("BOOL")));
        assertThat(FilterPlanner.plan(Map.of("a", eq(new byte[] {9})), Set.of()).orElseThrow().values())
                .isEqualTo(Map.of(":f0", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {9})), ":f1", AttributeValue.fromS("B")));
    }

    @Test
    void hostileNamesAndValuesOnlyAppearAsPlaceholders()
    {
        String hostile = "#f0) OR :f1 = :f1 -- \"'\n";
        FilterCondition filter = FilterPlanner.plan(Map.of(hostile, eq(hostile)), Set.of()).orElseThrow();

        assertThat(filter.expression()).isEqualTo(typed(1, "#f0 = :f0"));
        assertThat(filter.names()).containsEntry("#f0", hostile);
        assertThat(filter.values()).containsEntry(":f0", AttributeValue.fromS(hostile));
    }

    @Test
    void severalColumnsAreJoinedByAndInNameOrderAndQueriedKeysAreLeftOut()
    {
        FilterCondition filter = FilterPlanner.plan(Map.of("b", notNull(), "a", eq(1L), "PK", eq("p"), "SK", greaterThan("s")),
                Set.of("PK", "SK")).orElseThrow();

        assertThat(filter.expression()).isEqualTo("attribute_exists(#f0) AND (NOT attribute_type(#f0, :f1) OR #f0 = :f0) AND attribute_exists(#f1)");
        assertThat(filter.names()).isEqualTo(Map.of("#f0", "a", "#f1", "b"));
    }

    @Test
    void onlyKeyConstraintsGiveNoFilter()
    {
        assertThat(FilterPlanner.plan(Map.of("PK", eq("p")), Set.of("PK"))).isEmpty();
        assertThat(FilterPlanner.plan(Map.of(), Set.of())).isEmpty();
    }

    @Test
    void aDroppedComparisonLeavesNoUnusedPlaceholder()
    {
        // The first interval's values are numbered before the second interval's bound is found unusable.
        ColumnDomain mixed = domain(false, interval("a", true, "b", true), interval("Ｚ", true, null, false));
        FilterCondition filter = FilterPlanner.plan(Map.of("a", mixed, "z", eq("q")), Set.of()).orElseThrow();

        assertThat(filter.expression()).isEqualTo("attribute_exists(#f0) AND attribute_exists(#f1) AND (NOT attribute_type(#f1, :f1) OR #f1 = :f0)");
        assertThat(filter.values()).containsOnlyKeys(":f0", ":f1");
    }
}
