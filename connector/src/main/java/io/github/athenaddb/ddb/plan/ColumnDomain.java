package io.github.athenaddb.ddb.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The values a query allows for one column, in plain Java values (String, Long, BigDecimal,
 * Boolean), independent of the SDK's Arrow-backed ValueSets so that planning is a pure function.
 *
 * @param nullAllowed whether a missing or NULL value satisfies the predicate
 * @param intervals the allowed non-null values, as ordered disjoint intervals; empty means none
 */
public record ColumnDomain(boolean nullAllowed, List<Interval> intervals)
{
    public ColumnDomain
    {
        intervals = List.copyOf(intervals);
    }

    /** One end of an interval. */
    public record Bound(Object value, boolean inclusive) {}

    /** Values between {@code low} and {@code high}; an empty end is unbounded. */
    public record Interval(Optional<Bound> low, Optional<Bound> high)
    {
        public static Interval point(Object value)
        {
            return new Interval(Optional.of(new Bound(value, true)), Optional.of(new Bound(value, true)));
        }

        public boolean isPoint()
        {
            return low.isPresent() && high.isPresent() && low.get().inclusive() && high.get().inclusive()
                    && low.get().value().equals(high.get().value());
        }

        public boolean isUnbounded()
        {
            return low.isEmpty() && high.isEmpty();
        }
    }

    public static ColumnDomain points(Object... values)
    {
        return new ColumnDomain(false, Arrays.stream(values).map(Interval::point).toList());
    }

    /** The single values this domain allows, when it allows only single values and never null. */
    public Optional<List<Object>> pointValues()
    {
        if (nullAllowed || intervals.isEmpty() || !intervals.stream().allMatch(Interval::isPoint)) {
            return Optional.empty();
        }
        return Optional.of(intervals.stream().map(i -> i.low().orElseThrow().value()).toList());
    }

    /** True when no non-null value is excluded: such a domain constrains nothing a key condition can use. */
    public boolean allowsEveryValue()
    {
        return intervals.size() == 1 && intervals.get(0).isUnbounded();
    }

    /** Whether the domain rules out NULL and missing values: needed before trusting a sparse index. */
    public boolean excludesNull()
    {
        return !nullAllowed;
    }
}
