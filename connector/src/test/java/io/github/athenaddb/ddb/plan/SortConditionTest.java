package io.github.athenaddb.ddb.plan;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.Optional;

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
import static io.github.athenaddb.ddb.plan.SortCondition.Operator.BETWEEN;
import static io.github.athenaddb.ddb.plan.SortCondition.Operator.EQ;
import static io.github.athenaddb.ddb.plan.SortCondition.Operator.GE;
import static io.github.athenaddb.ddb.plan.SortCondition.Operator.GT;
import static io.github.athenaddb.ddb.plan.SortCondition.Operator.LE;
import static io.github.athenaddb.ddb.plan.SortCondition.Operator.LT;
import static org.assertj.core.api.Assertions.assertThat;

class SortConditionTest
{
    @Test
    void singlePointIsEquality()
    {
        assertThat(SortCondition.from("SK", "S", eq("x"))).contains(condition(EQ, s("x"), null));
    }

    @Test
    void eachOpenEndGivesItsComparison()
    {
        assertThat(SortCondition.from("SK", "S", greaterThan("m"))).contains(condition(GT, s("m"), null));
        assertThat(SortCondition.from("SK", "S", atLeast("m"))).contains(condition(GE, s("m"), null));
        assertThat(SortCondition.from("SK", "S", lessThan("m"))).contains(condition(LT, s("m"), null));
        assertThat(SortCondition.from("SK", "S", atMost("m"))).contains(condition(LE, s("m"), null));
    }

    @Test
    void closedIntervalIsBetween()
    {
        assertThat(SortCondition.from("SK", "N", between(1L, 9L))).contains(condition(BETWEEN, n("1"), n("9")));
    }

    @Test
    void exclusiveEndsOfAnIntervalAreWidenedToBetween()
    {
        ColumnDomain open = domain(false, interval(1L, false, 9L, false));

        assertThat(SortCondition.from("SK", "N", open)).contains(condition(BETWEEN, n("1"), n("9")));
    }

    @Test
    void severalIntervalsAreReadAsTheirSpan()
    {
        assertThat(SortCondition.from("SK", "S", in("b", "f", "k"))).contains(condition(BETWEEN, s("b"), s("k")));
        ColumnDomain halfOpen = domain(false, interval(null, false, "c", true), interval("f", true, "k", false));
        assertThat(SortCondition.from("SK", "S", halfOpen)).contains(condition(LT, s("k"), null));
        ColumnDomain openLow = domain(false, interval("c", false, "d", false), interval("f", true, null, false));
        assertThat(SortCondition.from("SK", "S", openLow)).contains(condition(GT, s("c"), null));
    }

    @Test
    void intervalsOpenAtBothOuterEndsNarrowNothing()
    {
        ColumnDomain notM = domain(false, interval(null, false, "m", false), interval("m", false, null, false));

        assertThat(SortCondition.from("SK", "S", notM)).isEmpty();
    }

    @Test
    void everyValueOrNoValueNarrowsNothing()
    {
        assertThat(SortCondition.from("SK", "S", notNull())).isEmpty();
        assertThat(SortCondition.from("SK", "S", domain(true))).isEmpty();
        assertThat(SortCondition.from("SK", "S", domain(false))).isEmpty();
    }

    @Test
    void boundsNotRepresentableInTheKeyTypeNarrowNothing()
    {
        assertThat(SortCondition.from("SK", "N", greaterThan("5"))).isEmpty();
        assertThat(SortCondition.from("SK", "S", between(1L, 9L))).isEmpty();
        assertThat(SortCondition.from("SK", "B", eq("x"))).isEmpty();
    }

    @Test
    void textBoundsFromU_D800OnAreLeftOutBecauseDynamoDbOrdersUtf8Bytes()
    {
        assertThat(SortCondition.from("SK", "S", lessThan("Ｚ"))).isEmpty();
        assertThat(SortCondition.from("SK", "S", greaterThan("a😀"))).isEmpty();
        assertThat(SortCondition.from("SK", "S", between("b", "\uE000"))).contains(condition(GE, s("b"), null));
        assertThat(SortCondition.from("SK", "S", between("😀", "😀z"))).isEmpty();
        assertThat(SortCondition.from("SK", "S", in("c", "ｚ"))).contains(condition(GE, s("c"), null));
    }

    @Test
    void textBoundsBelowU_D800AreKept()
    {
        assertThat(SortCondition.from("SK", "S", between("é", "\uD7FF"))).contains(condition(BETWEEN, s("é"), s("\uD7FF")));
    }

    @Test
    void equalityOnAnyTextIsKept()
    {
        assertThat(SortCondition.from("SK", "S", eq("😀"))).contains(condition(EQ, s("😀"), null));
    }

    @Test
    void boundsNoKeyCanHoldNarrowNothing()
    {
        assertThat(SortCondition.from("SK", "S", greaterThan(""))).isEmpty();
        assertThat(SortCondition.from("SK", "S", between("", "m"))).isEmpty();
    }

    @Test
    void decimalBoundsAreCanonicalNumbers()
    {
        assertThat(SortCondition.from("SK", "N", between(new BigDecimal("1.500000000"), new BigDecimal("20.000000000"))))
                .contains(condition(BETWEEN, n("1.5"), n("20")));
    }

    private static SortCondition condition(SortCondition.Operator operator, AttributeValue value, AttributeValue upper)
    {
        return new SortCondition("SK", operator, value, Optional.ofNullable(upper));
    }

    private static AttributeValue s(String v)
    {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v)
    {
        return AttributeValue.fromN(v);
    }
}
