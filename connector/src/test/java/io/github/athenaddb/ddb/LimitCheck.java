package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What rows are right under a LIMIT, as Athena uses them. A plain LIMIT is declared, so Athena
 * takes the rows as they come: exactly min(limit, matching) of the matching rows, none twice. A
 * LIMIT with an ORDER BY (top-N, not declared) is sorted and cut by Athena: the rows returned
 * must be matching rows whose top N by the ORDER BY equals the top N of all matching rows.
 */
final class LimitCheck
{
    /** The LIMIT and ORDER BY of a case. */
    record Cut(long limit, List<OrderByField> orderBy)
    {
        static final Cut NONE = new Cut(Constraints.DEFAULT_NO_LIMIT, List.of());

        String kind()
        {
            return limit == Constraints.DEFAULT_NO_LIMIT ? "no limit" : orderBy.isEmpty() ? "limit" : "top-n";
        }

        @Override
        public String toString()
        {
            return limit == Constraints.DEFAULT_NO_LIMIT ? "" : (orderBy.isEmpty() ? "" : "ORDER BY " + orderBy.get(0).getColumnName() + " "
                    + orderBy.get(0).getDirection() + " ") + "LIMIT " + limit;
        }
    }

    private LimitCheck() {}

    /** Null when the rows are right for the cut; else what is wrong. */
    static String problem(List<Map<String, Object>> expected, List<Map<String, Object>> actual, Cut cut)
    {
        Map<Map<String, Object>, Integer> available = new HashMap<>();
        expected.forEach(r -> available.merge(r, 1, Integer::sum));
        for (Map<String, Object> row : actual) {
            if (available.merge(row, -1, Integer::sum) < 0) {
                return "returned a row that does not match, or one row twice: " + row.get("pk") + "/" + row.get("sk");
            }
        }
        long n = Math.min(cut.limit(), expected.size());
        if (cut.orderBy().isEmpty()) {
            return actual.size() == n ? null : "LIMIT " + cut.limit() + " over " + expected.size() + " matching rows returned " + actual.size();
        }
        String column = cut.orderBy().get(0).getColumnName();
        Comparator<Map<String, Object>> order = order(column, cut.orderBy().get(0).getDirection());
        List<Object> want = top(expected, order, n, column);
        List<Object> got = top(actual, order, n, column);
        return want.equals(got) ? null : "top " + n + " by " + column + ": expected " + want + ", got " + got;
    }

    private static List<Object> top(List<Map<String, Object>> rows, Comparator<Map<String, Object>> order, long n, String column)
    {
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        List<Object> values = new ArrayList<>();
        sorted.stream().limit(n).forEach(r -> values.add(r.get(column)));
        return values;
    }

    /** Athena's order: strings by code point (UTF-8 bytes), numbers by value, NULLs where the direction puts them. */
    private static Comparator<Map<String, Object>> order(String column, OrderByField.Direction direction)
    {
        Comparator<Object> values = (a, b) -> compare(a, b);
        if (!direction.isAscending()) {
            values = values.reversed();
        }
        Comparator<Object> withNulls = direction.isNullsFirst() ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
        return Comparator.comparing(r -> r.get(column), withNulls);
    }

    private static int compare(Object a, Object b)
    {
        if (a instanceof String x && b instanceof String y) {
            return java.util.Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray());
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        throw new IllegalArgumentException("cannot order " + a + " and " + b);
    }
}
