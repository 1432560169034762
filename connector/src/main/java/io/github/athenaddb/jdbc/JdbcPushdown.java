package io.github.athenaddb.jdbc;

import com.amazonaws.athena.connector.lambda.domain.predicate.EquatableValueSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what of a read goes into the SQL, a pure function. The connector checks every
 * constraint itself on each row, so the WHERE clause only has to return a superset; what it
 * must never do is drop a row Athena would keep, or cut at a LIMIT before rows it would drop:
 * <ul>
 * <li>a text column's range is not sent: the database compares strings by its collation,
 *     Athena by code point; equality and IN are sent (a case-insensitive MySQL collation
 *     returns a superset, which the connector's check trims);</li>
 * <li>LIMIT goes into the SQL only when the WHERE clause is exact (every constraint sent, and no
 *     MySQL text equality), else the split stops writing at the limit;</li>
 * <li>ORDER BY … LIMIT goes into the SQL only when it is exact, on columns the database orders as
 *     Athena does (integers, decimals, dates, timestamps, booleans): the database's top N is then
 *     Athena's. Otherwise neither is sent and every matching row is read.</li>
 * </ul>
 */
public final class JdbcPushdown
{
    private JdbcPushdown() {}

    /**
     * @param sqlLimit the LIMIT of the SQL, or -1
     * @param rowLimit the most rows the split writes, or -1
     */
    public record Plan(Map<String, ValueSet> pushed, List<OrderByField> orderBy, long sqlLimit, long rowLimit) {}

    public static Plan plan(SqlDialect dialect, List<Field> fields, Map<String, ValueSet> summary, List<OrderByField> orderBy, long limit)
    {
        Map<String, ValueSet> pushed = new LinkedHashMap<>();
        boolean exact = true;
        for (Map.Entry<String, ValueSet> e : summary.entrySet()) {
            Optional<Field> field = fields.stream().filter(f -> f.getName().equalsIgnoreCase(e.getKey())).findFirst();
            boolean text = field.map(f -> f.getType() instanceof ArrowType.Utf8).orElse(true);
            if (field.isEmpty() || (text && !pointsOnly(e.getValue()))) {
                exact = false;
                continue;
            }
            pushed.put(e.getKey(), e.getValue());
            if (text && dialect == SqlDialect.MYSQL) {
                exact = false;
            }
        }
        if (limit < 0) {
            return new Plan(pushed, List.of(), -1, -1);
        }
        if (orderBy == null || orderBy.isEmpty()) {
            return new Plan(pushed, List.of(), exact ? limit : -1, limit);
        }
        boolean orderable = orderBy.stream().allMatch(o -> fields.stream().filter(f -> f.getName().equalsIgnoreCase(o.getColumnName()))
                .findFirst().map(f -> ordersAlike(f.getType())).orElse(false));
        if (exact && orderable) {
            return new Plan(pushed, List.copyOf(orderBy), limit, limit);
        }
        return new Plan(pushed, List.of(), -1, -1);
    }

    private static boolean ordersAlike(ArrowType type)
    {
        return type instanceof ArrowType.Int || type instanceof ArrowType.Decimal || type instanceof ArrowType.Date
                || type instanceof ArrowType.Bool;
    }

    private static boolean pointsOnly(ValueSet set)
    {
        if (set instanceof EquatableValueSet equatable) {
            return equatable.isWhiteList();
        }
        if (set instanceof SortedRangeSet ranges) {
            for (Range r : ranges.getOrderedRanges()) {
                if (!r.isSingleValue()) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
