package io.github.athenaddb.ddb.plan;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.EquatableValueSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.types.Types;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static io.github.athenaddb.ddb.plan.PlanFixtures.interval;
import static org.assertj.core.api.Assertions.assertThat;

class ColumnDomainsTest
{
    private static final ArrowType VARCHAR = Types.MinorType.VARCHAR.getType();
    private static final ArrowType BIGINT = Types.MinorType.BIGINT.getType();
    private static final ArrowType DECIMAL = new ArrowType.Decimal(38, 9, 128);

    private final BlockAllocatorImpl allocator = new BlockAllocatorImpl();

    @AfterEach
    void close()
    {
        allocator.close();
    }

    @Test
    void equalityOnTextBecomesAPointOfAPlainString()
    {
        ColumnDomain domain = read(SortedRangeSet.of(false, Range.equal(allocator, VARCHAR, "a✓")));

        assertThat(domain).isEqualTo(ColumnDomain.points("a✓"));
        assertThat(domain.pointValues()).contains(List.of("a✓"));
    }

    @Test
    void inListBecomesOrderedPoints()
    {
        ColumnDomain domain = read(SortedRangeSet.of(false, Range.equal(allocator, BIGINT, 9L),
                List.of(Range.equal(allocator, BIGINT, 2L), Range.equal(allocator, BIGINT, 5L))));

        assertThat(domain.pointValues()).contains(List.of(2L, 5L, 9L));
    }

    @Test
    void openRangeKeepsItsExclusiveBoundAndUnboundedEnd()
    {
        ColumnDomain domain = read(SortedRangeSet.of(false, Range.greaterThan(allocator, BIGINT, 5L)));

        assertThat(domain).isEqualTo(new ColumnDomain(false, List.of(interval(5L, false, null, false))));
        assertThat(domain.pointValues()).isEmpty();
    }

    @Test
    void closedRangeKeepsBothInclusiveFlags()
    {
        ColumnDomain domain = read(SortedRangeSet.of(false,
                Range.range(allocator, DECIMAL, new BigDecimal("1.500000000"), true, new BigDecimal("9.000000000"), false)));

        ColumnDomain.Interval only = domain.intervals().get(0);
        assertThat(only.low()).contains(new ColumnDomain.Bound(new BigDecimal("1.500000000"), true));
        assertThat(only.high()).contains(new ColumnDomain.Bound(new BigDecimal("9.000000000"), false));
    }

    @Test
    void disjointRangesStayInOrder()
    {
        ColumnDomain domain = read(SortedRangeSet.of(false, Range.greaterThan(allocator, VARCHAR, "x"),
                List.of(Range.lessThanOrEqual(allocator, VARCHAR, "b"))));

        assertThat(domain.intervals()).containsExactly(interval(null, false, "b", true), interval("x", false, null, false));
    }

    @Test
    void notEqualIsTwoIntervalsOpenAtTheOuterEnds()
    {
        ValueSet notM = SortedRangeSet.of(false, Range.lessThan(allocator, VARCHAR, "m"), List.of(Range.greaterThan(allocator, VARCHAR, "m")));

        ColumnDomain domain = read(notM);

        assertThat(domain.nullAllowed()).isFalse();
        assertThat(domain.intervals()).containsExactly(interval(null, false, "m", false), interval("m", false, null, false));
    }

    @Test
    void complementOfAValueAlsoAllowsNull()
    {
        ColumnDomain domain = read(SortedRangeSet.of(false, Range.equal(allocator, VARCHAR, "m")).complement(allocator));

        assertThat(domain.nullAllowed()).isTrue();
        assertThat(domain.intervals()).hasSize(2);
    }

    @Test
    void isNotNullIsEveryValueWithoutNull()
    {
        ColumnDomain domain = read(SortedRangeSet.notNull(allocator, BIGINT));

        assertThat(domain.allowsEveryValue()).isTrue();
        assertThat(domain.excludesNull()).isTrue();
    }

    @Test
    void isNullAllowsNullAndNoValue()
    {
        ColumnDomain domain = read(SortedRangeSet.onlyNull(VARCHAR));

        assertThat(domain).isEqualTo(new ColumnDomain(true, List.of()));
        assertThat(domain.excludesNull()).isFalse();
        assertThat(domain.pointValues()).isEmpty();
    }

    @Test
    void rangeOrNullAllowsNull()
    {
        ColumnDomain domain = read(SortedRangeSet.of(true, Range.greaterThan(allocator, BIGINT, 5L)));

        assertThat(domain.nullAllowed()).isTrue();
        assertThat(domain.excludesNull()).isFalse();
        assertThat(domain.intervals()).containsExactly(interval(5L, false, null, false));
    }

    @Test
    void allAllowsNullAndEveryValue()
    {
        ColumnDomain domain = read(SortedRangeSet.all(allocator, VARCHAR));

        assertThat(domain.nullAllowed()).isTrue();
        assertThat(domain.allowsEveryValue()).isTrue();
    }

    @Test
    void noneAllowsNothing()
    {
        ColumnDomain domain = read(SortedRangeSet.none(BIGINT));

        assertThat(domain).isEqualTo(new ColumnDomain(false, List.of()));
        assertThat(domain.pointValues()).isEmpty();
    }

    @Test
    void equatableWhiteListBecomesPoints()
    {
        EquatableValueSet set = EquatableValueSet.newBuilder(allocator, VARCHAR, true, false).add("a").add("b").build();

        assertThat(read(set).pointValues()).contains(List.of("a", "b"));
    }

    @Test
    void equatableWhiteListWithNullAllowedHasNoPointValues()
    {
        EquatableValueSet set = EquatableValueSet.newBuilder(allocator, VARCHAR, true, true).add("a").build();

        ColumnDomain domain = read(set);

        assertThat(domain.nullAllowed()).isTrue();
        assertThat(domain.intervals()).containsExactly(ColumnDomain.Interval.point("a"));
        assertThat(domain.pointValues()).isEmpty();
    }

    @Test
    void equatableBlackListIsNotRead()
    {
        EquatableValueSet set = EquatableValueSet.newBuilder(allocator, VARCHAR, false, false).add("a").build();

        assertThat(ColumnDomains.from(set)).isEmpty();
    }

    private static ColumnDomain read(ValueSet set)
    {
        Optional<ColumnDomain> domain = ColumnDomains.from(set);
        assertThat(domain).as("a domain for %s", set).isPresent();
        return domain.get();
    }
}
