package io.github.athenaddb.ddb.plan;

import com.amazonaws.athena.connector.lambda.domain.predicate.EquatableValueSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.Marker;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.util.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the SDK's ValueSets into {@link ColumnDomain}s; shapes it cannot read yield empty. */
public final class ColumnDomains
{
    private ColumnDomains() {}

    public static Optional<ColumnDomain> from(ValueSet set)
    {
        if (set instanceof SortedRangeSet ranges) {
            List<ColumnDomain.Interval> intervals = new ArrayList<>();
            for (Range r : ranges.getOrderedRanges()) {
                intervals.add(new ColumnDomain.Interval(bound(r.getLow(), true), bound(r.getHigh(), false)));
            }
            return Optional.of(new ColumnDomain(ranges.isNullAllowed(), intervals));
        }
        if (set instanceof EquatableValueSet equatable && equatable.isWhiteList()) {
            List<ColumnDomain.Interval> points = new ArrayList<>();
            for (int i = 0; i < equatable.getValueBlock().getRowCount(); i++) {
                Object v = equatable.getValue(i);
                if (v != null) {
                    points.add(ColumnDomain.Interval.point(plain(v)));
                }
            }
            return Optional.of(new ColumnDomain(equatable.isNullAllowed(), points));
        }
        return Optional.empty();
    }

    private static Optional<ColumnDomain.Bound> bound(Marker marker, boolean low)
    {
        if (low ? marker.isLowerUnbounded() : marker.isUpperUnbounded()) {
            return Optional.empty();
        }
        return Optional.of(new ColumnDomain.Bound(plain(marker.getValue()), marker.getBound() == Marker.Bound.EXACTLY));
    }

    private static Object plain(Object value)
    {
        return value instanceof Text t ? t.toString() : value;
    }
}
