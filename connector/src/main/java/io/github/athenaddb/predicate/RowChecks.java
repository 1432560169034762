package io.github.athenaddb.predicate;

import com.amazonaws.athena.connector.lambda.domain.predicate.ConstraintEvaluator;
import com.amazonaws.athena.connector.lambda.domain.predicate.ConstraintProjector;
import com.amazonaws.athena.connector.lambda.domain.predicate.Marker;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.util.Map;
import java.util.function.Function;

/**
 * The connector's own check of each row against the query's constraints, before the row is
 * written. The SDK's evaluator orders strings by UTF-16 code units (String.compareTo); Athena
 * orders them by code point (UTF-8 bytes). The two differ only for characters from U+D800 on,
 * where the SDK's check dropped rows Athena would return ({@code sk >= U&'\FFFD'} lost U+1F600),
 * and a dropped row cannot come back. So string ranges are checked here by code point; every
 * other constraint by the SDK's evaluator.
 */
public final class RowChecks
{
    private RowChecks() {}

    /** @return per column, its check, or null when the query does not constrain it */
    public static Function<String, ConstraintProjector> of(ConstraintEvaluator evaluator, Map<String, ValueSet> summary)
    {
        return column -> {
            ValueSet set = summary == null ? null : summary.get(column);
            if (set instanceof SortedRangeSet ranges && ranges.getType() instanceof ArrowType.Utf8) {
                return value -> contains(ranges, value);
            }
            return evaluator.makeConstraintProjector(column).orElse(null);
        };
    }

    /** Whether the string ranges allow {@code value} (a String, Arrow Text, or null), comparing by code point. */
    static boolean contains(SortedRangeSet ranges, Object value)
    {
        if (value == null) {
            return ranges.isNullAllowed();
        }
        String text = value.toString();
        for (Range range : ranges.getOrderedRanges()) {
            if (above(range.getLow(), text) && below(range.getHigh(), text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean above(Marker low, String text)
    {
        if (low.isLowerUnbounded()) {
            return true;
        }
        int c = CodePointOrder.compare(text, low.getValue().toString());
        return c > 0 || (c == 0 && low.getBound() == Marker.Bound.EXACTLY);
    }

    private static boolean below(Marker high, String text)
    {
        if (high.isUpperUnbounded()) {
            return true;
        }
        int c = CodePointOrder.compare(text, high.getValue().toString());
        return c < 0 || (c == 0 && high.getBound() == Marker.Bound.EXACTLY);
    }
}
