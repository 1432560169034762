package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ddb.table.TableDescription;
import io.github.athenaddb.ddb.table.TableDescription.Index;
import io.github.athenaddb.ddb.table.TableDescription.IndexKind;
import io.github.athenaddb.ddb.table.TableDescription.KeyAttribute;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built table shapes and column domains for the planner's tests. */
final class PlanFixtures
{
    private PlanFixtures() {}

    static final TableDescription HASH_ONLY = new TableDescription("Customers", new KeyAttribute("CustomerId", "S"),
            Optional.empty(), List.of(), 0, 0);

    static final TableDescription NUMERIC_HASH = new TableDescription("Counters", new KeyAttribute("Id", "N"),
            Optional.empty(), List.of(), 0, 0);

    static final TableDescription HASH_RANGE = new TableDescription("Orders", new KeyAttribute("PK", "S"),
            Optional.of(new KeyAttribute("SK", "S")), List.of(), 0, 0);

    /** PK/SK, plus GSI1 (GSI1PK S / GSI1SK N), ByStatus (Status S, no range key) and the LSI ByDate (PK / OrderDate S). */
    static TableDescription withIndexes(String gsiProjection)
    {
        return new TableDescription("Orders", new KeyAttribute("PK", "S"), Optional.of(new KeyAttribute("SK", "S")),
                List.of(new Index("GSI1", IndexKind.GSI, "GSI1PK", Optional.of("GSI1SK"), gsiProjection, List.of()),
                        new Index("ByStatus", IndexKind.GSI, "Status", Optional.empty(), gsiProjection, List.of()),
                        new Index("ByDate", IndexKind.LSI, "PK", Optional.of("OrderDate"), "ALL", List.of())),
                0, 0,
                Map.of("PK", new KeyAttribute("PK", "S"), "SK", new KeyAttribute("SK", "S"),
                        "GSI1PK", new KeyAttribute("GSI1PK", "S"), "GSI1SK", new KeyAttribute("GSI1SK", "N"),
                        "Status", new KeyAttribute("Status", "S"), "OrderDate", new KeyAttribute("OrderDate", "S")));
    }

    static ColumnDomain eq(Object value)
    {
        return ColumnDomain.points(value);
    }

    static ColumnDomain in(Object... values)
    {
        return ColumnDomain.points(values);
    }

    static ColumnDomain greaterThan(Object value)
    {
        return domain(false, interval(value, false, null, false));
    }

    static ColumnDomain atLeast(Object value)
    {
        return domain(false, interval(value, true, null, false));
    }

    static ColumnDomain lessThan(Object value)
    {
        return domain(false, interval(null, false, value, false));
    }

    static ColumnDomain atMost(Object value)
    {
        return domain(false, interval(null, false, value, true));
    }

    static ColumnDomain between(Object low, Object high)
    {
        return domain(false, interval(low, true, high, true));
    }

    /** IS NOT NULL: every non-null value. */
    static ColumnDomain notNull()
    {
        return domain(false, interval(null, false, null, false));
    }

    static ColumnDomain domain(boolean nullAllowed, ColumnDomain.Interval... intervals)
    {
        return new ColumnDomain(nullAllowed, List.of(intervals));
    }

    /** An interval; a null value is an unbounded end. */
    static ColumnDomain.Interval interval(Object low, boolean lowInclusive, Object high, boolean highInclusive)
    {
        return new ColumnDomain.Interval(
                Optional.ofNullable(low).map(v -> new ColumnDomain.Bound(v, lowInclusive)),
                Optional.ofNullable(high).map(v -> new ColumnDomain.Bound(v, highInclusive)));
    }
}
