package io.github.athenaddb.ddb.plan;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static io.github.athenaddb.ddb.plan.PlanFixtures.between;
import static io.github.athenaddb.ddb.plan.PlanFixtures.domain;
import static io.github.athenaddb.ddb.plan.PlanFixtures.eq;
import static io.github.athenaddb.ddb.plan.PlanFixtures.greaterThan;
import static io.github.athenaddb.ddb.plan.PlanFixtures.in;
import static io.github.athenaddb.ddb.plan.PlanFixtures.interval;
import static io.github.athenaddb.ddb.plan.PlanFixtures.notNull;
import static org.assertj.core.api.Assertions.assertThat;

class ReadFidelityTest
{
    private static final ArrowType DECIMAL_2 = new ArrowType.Decimal(10, 2, 128);
    private static final ColumnDomain PRESENT = new ColumnDomain(false, List.of(new ColumnDomain.Interval(Optional.empty(), Optional.empty())));

    @Test
    void columnsReadAsStoredKeepTheirDomain()
    {
        for (ArrowType type : List.of(ArrowType.Utf8.INSTANCE, new ArrowType.Int(64, true), new ArrowType.Int(32, true),
                ArrowType.Bool.INSTANCE, ArrowType.Binary.INSTANCE)) {
            assertThat(ReadFidelity.of(type).storedDomain(in("a", "b"))).as(type.toString()).contains(in("a", "b"));
        }
    }

    @Test
    void aDecimalPointBecomesTheRangeOfStoredValuesThatRoundToIt()
    {
        // Stored 36.6481 reads as 36.65 at scale 2: "= 36.65" must reach it.
        assertThat(ReadFidelity.of(DECIMAL_2).storedDomain(eq(new BigDecimal("36.65"))))
                .contains(domain(false, interval(new BigDecimal("36.645"), true, new BigDecimal("36.655"), true)));
        assertThat(ReadFidelity.of(DECIMAL_2).storedDomain(domain(false, interval(new BigDecimal("36.65"), false, new BigDecimal("36.70"), false))))
                .contains(domain(false, interval(new BigDecimal("36.645"), true, new BigDecimal("36.705"), true)));
        assertThat(ReadFidelity.of(DECIMAL_2).storedDomain(greaterThan(new BigDecimal("1.00"))))
                .contains(domain(false, interval(new BigDecimal("0.995"), true, null, false)));
    }

    @Test
    void widenedNeighboursMergeSoThatNoItemIsReadTwice()
    {
        assertThat(ReadFidelity.of(DECIMAL_2).storedDomain(in(new BigDecimal("36.64"), new BigDecimal("36.65"), new BigDecimal("40.00"))))
                .contains(domain(false, interval(new BigDecimal("36.635"), true, new BigDecimal("36.655"), true),
                        interval(new BigDecimal("39.995"), true, new BigDecimal("40.005"), true)));
        assertThat(ReadFidelity.of(DECIMAL_2).storedDomain(domain(true, interval(null, false, new BigDecimal("5.00"), false),
                interval(new BigDecimal("5.00"), false, null, false))))
                .as("<> 5.00 spans every value").contains(domain(true, interval(null, false, null, false)));
    }

    @Test
    void widenedBoundsStayWithinDynamoDbs38Digits()
    {
        ArrowType wide = new ArrowType.Decimal(38, 37, 128);
        BigDecimal value = new BigDecimal("1.2345678901234567890123456789012345678");
        ColumnDomain stored = ReadFidelity.of(wide).storedDomain(eq(value)).orElseThrow();
        BigDecimal low = (BigDecimal) stored.intervals().get(0).low().orElseThrow().value();
        BigDecimal high = (BigDecimal) stored.intervals().get(0).high().orElseThrow().value();
        assertThat(low.precision()).isLessThanOrEqualTo(38);
        assertThat(high.precision()).isLessThanOrEqualTo(38);
        assertThat(low).isLessThan(value);
        assertThat(high).isGreaterThan(value);
    }

    @Test
    void datesTimestampsAndFloatsSayOnlyThatTheAttributeIsThere()
    {
        for (ArrowType type : List.of(new ArrowType.Date(DateUnit.DAY), new ArrowType.Date(DateUnit.MILLISECOND),
                new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE),
                ArrowType.Struct.INSTANCE)) {
            ReadFidelity fidelity = ReadFidelity.of(type);
            assertThat(fidelity.storedDomain(eq(20000))).as(type.toString()).contains(PRESENT);
            assertThat(fidelity.storedDomain(between(1L, 5L))).as(type.toString()).contains(PRESENT);
            assertThat(fidelity.storedDomain(notNull())).as(type.toString()).contains(PRESENT);
            assertThat(fidelity.storedDomain(domain(true, interval(1L, true, 1L, true)))).as("= 1 OR IS NULL").isEmpty();
            assertThat(fidelity.storedDomain(domain(true))).as("IS NULL").isEmpty();
        }
    }

    @Test
    void onlyColumnsThatOrderAsTheirStoredKeyMayBeReadInKeyOrder()
    {
        assertThat(ReadFidelity.of(ArrowType.Utf8.INSTANCE).readsInStoredOrder("S")).isTrue();
        assertThat(ReadFidelity.of(ArrowType.Utf8.INSTANCE).readsInStoredOrder("N")).as("numbers read as text: '10' < '9'").isFalse();
        assertThat(ReadFidelity.of(new ArrowType.Int(64, true)).readsInStoredOrder("N")).isTrue();
        assertThat(ReadFidelity.of(new ArrowType.Int(64, true)).readsInStoredOrder("S")).as("text read as numbers").isFalse();
        assertThat(ReadFidelity.of(DECIMAL_2).readsInStoredOrder("N")).isTrue();
        assertThat(ReadFidelity.of(DECIMAL_2).readsInStoredOrder("S")).isFalse();
        assertThat(ReadFidelity.of(ArrowType.Binary.INSTANCE).readsInStoredOrder("B")).isTrue();
        assertThat(ReadFidelity.of(new ArrowType.Date(DateUnit.MILLISECOND)).readsInStoredOrder("S")).as("dates parsed from text").isFalse();
        assertThat(ReadFidelity.of(new ArrowType.Date(DateUnit.DAY)).readsInStoredOrder("N")).as("epoch units").isFalse();
    }
}
