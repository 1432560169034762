package io.github.athenaddb.ddb.plan;

import org.apache.arrow.vector.types.pojo.ArrowType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a column's read value relates to the DynamoDB value it is read from. A query's domain is on
 * read values; DynamoDB compares stored ones. So before a domain becomes a key condition, an index
 * choice or a FilterExpression, it is turned into a domain on stored values that holds every stored
 * value whose read value the query allows ({@link #storedDomain}); and an ORDER BY is read in the
 * key's order only when the column orders as its stored values do ({@link #readsInStoredOrder}).
 */
public sealed interface ReadFidelity
{
    /** DynamoDB refuses a number of more than 38 significant digits: a widened bound is rounded outwards to 38. */
    MathContext FLOOR = new MathContext(38, RoundingMode.FLOOR);
    MathContext CEILING = new MathContext(38, RoundingMode.CEILING);

    /**
     * Values of {@code storedType} (S for VARCHAR, N for the integer types, BOOL for BOOLEAN, B for
     * VARBINARY) read as stored. Other DynamoDB types are coerced (S "42" reads as bigint 42), and
     * the planners compare only values of the column's own type ({@link KeyValues} refuses the
     * others, {@link FilterPlanner} lets them through to the connector's check).
     */
    record Exact(String storedType) implements ReadFidelity {}

    /** DECIMAL(p,s): N rounded to {@code scale} fractional digits, so 36.6481 reads as 36.65. */
    record Rounded(int scale) implements ReadFidelity {}

    /**
     * Anything else: REAL and DOUBLE (rounded to binary), DATE and TIMESTAMP (parsed from text in a
     * pattern and zone, or from epoch numbers), nested and JSON-typed columns. A non-null read value
     * says only that the attribute is there.
     */
    record PresenceOnly() implements ReadFidelity {}

    static ReadFidelity of(ArrowType type)
    {
        return switch (type.getTypeID()) {
            case Utf8 -> new Exact("S");
            case Int -> ((ArrowType.Int) type).getIsSigned() ? new Exact("N") : new PresenceOnly();
            case Bool -> new Exact("BOOL");
            case Binary -> new Exact("B");
            case Decimal -> new Rounded(((ArrowType.Decimal) type).getScale());
            default -> new PresenceOnly();
        };
    }

    /**
     * A domain on stored values holding every stored value whose read value {@code read} allows;
     * empty when nothing narrower than "any value or none" holds them all.
     */
    default Optional<ColumnDomain> storedDomain(ColumnDomain read)
    {
        if (this instanceof Exact) {
            return Optional.of(read);
        }
        if (this instanceof Rounded rounded && !read.allowsEveryValue()) {
            return Optional.of(widen(read, rounded.scale()));
        }
        // A non-null read value comes from an attribute that is there: enough for attribute_exists
        // and for a sparse index, whose items are those that hold its keys.
        return read.nullAllowed() || read.intervals().isEmpty() ? Optional.empty()
                : Optional.of(new ColumnDomain(false, List.of(new ColumnDomain.Interval(Optional.empty(), Optional.empty()))));
    }

    /** Whether the column's values order as the stored values of a key of {@code keyType} do (S and B by bytes, N by value). */
    default boolean readsInStoredOrder(String keyType)
    {
        if (this instanceof Exact exact) {
            return exact.storedType().equals(keyType) && !"BOOL".equals(keyType);
        }
        // Rounding never reverses an order (it may only make neighbours equal).
        return this instanceof Rounded && "N".equals(keyType);
    }

    /**
     * Rounding to nearest moves a value by at most half a unit of the last place, whichever way ties
     * go: a read value v comes from a stored value in [v - half, v + half]. Each interval is widened
     * by that and made inclusive, so single values become small ranges.
     */
    private static ColumnDomain widen(ColumnDomain read, int scale)
    {
        BigDecimal half = BigDecimal.valueOf(5, scale + 1);
        List<ColumnDomain.Interval> intervals = new ArrayList<>();
        for (ColumnDomain.Interval i : read.intervals()) {
            ColumnDomain.Interval wide = new ColumnDomain.Interval(
                    i.low().map(b -> new ColumnDomain.Bound(number(b.value()).subtract(half).round(FLOOR), true)),
                    i.high().map(b -> new ColumnDomain.Bound(number(b.value()).add(half).round(CEILING), true)));
            int last = intervals.size() - 1;
            // Neighbours that now overlap or touch become one interval: each stored value must be read once.
            if (last >= 0 && overlaps(intervals.get(last), wide)) {
                wide = new ColumnDomain.Interval(intervals.remove(last).low(), wide.high());
            }
            intervals.add(wide);
        }
        return new ColumnDomain(read.nullAllowed(), intervals);
    }

    /** Whether {@code next} (the later one) starts at or before the end of {@code previous}; both ends inclusive. */
    private static boolean overlaps(ColumnDomain.Interval previous, ColumnDomain.Interval next)
    {
        return previous.high().isEmpty() || next.low().isEmpty()
                || number(next.low().get().value()).compareTo(number(previous.high().get().value())) <= 0;
    }

    private static BigDecimal number(Object value)
    {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
