package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.domain.predicate.Marker;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Readable text for pushed constraints, for explain and stats: {@code status IN ('A', 'B')}, {@code total > 10}. */
final class ConstraintText
{
    private ConstraintText() {}

    static Map<String, String> describe(Map<String, ValueSet> constraints)
    {
        Map<String, String> out = new LinkedHashMap<>();
        constraints.forEach((column, set) -> out.put(column, describe(column, set)));
        return out;
    }

    static String describe(String column, ValueSet set)
    {
        if (!(set instanceof SortedRangeSet ranges)) {
            return column + " " + set;
        }
        if (ranges.isNone()) {
            return ranges.isNullAllowed() ? column + " IS NULL" : "FALSE";
        }
        if (ranges.isAll()) {
            return ranges.isNullAllowed() ? "TRUE" : column + " IS NOT NULL";
        }
        List<String> points = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Range r : ranges.getOrderedRanges()) {
            if (r.isSingleValue()) {
                points.add(literal(ranges.getType(), r.getSingleValue()));
            }
            else {
                parts.add(range(column, ranges.getType(), r));
            }
        }
        if (points.size() == 1) {
            parts.add(0, column + " = " + points.get(0));
        }
        else if (!points.isEmpty()) {
            parts.add(0, column + " IN (" + String.join(", ", points) + ")");
        }
        String text = parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
        return ranges.isNullAllowed() ? "(" + text + " OR " + column + " IS NULL)" : text;
    }

    private static String range(String column, ArrowType type, Range r)
    {
        List<String> bounds = new ArrayList<>();
        if (!r.getLow().isLowerUnbounded()) {
            bounds.add(column + (r.getLow().getBound() == Marker.Bound.EXACTLY ? " >= " : " > ") + literal(type, r.getLow().getValue()));
        }
        if (!r.getHigh().isUpperUnbounded()) {
            bounds.add(column + (r.getHigh().getBound() == Marker.Bound.EXACTLY ? " <= " : " < ") + literal(type, r.getHigh().getValue()));
        }
        return bounds.isEmpty() ? column + " IS NOT NULL" : String.join(" AND ", bounds);
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss[.SSS]");

    private static String literal(ArrowType type, Object value)
    {
        if (type instanceof ArrowType.Date d && d.getUnit() == DateUnit.DAY && value instanceof Number days) {
            return "DATE '" + java.time.LocalDate.ofEpochDay(days.longValue()) + "'";
        }
        if (value instanceof CharSequence || value instanceof org.apache.arrow.vector.util.Text) {
            return "'" + value.toString().replace("'", "''") + "'";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof java.time.LocalDateTime t) {
            return "TIMESTAMP '" + t.toLocalDate() + " " + t.toLocalTime().format(TIME) + "'";
        }
        return String.valueOf(value);
    }
}
