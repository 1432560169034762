package io.github.athenaddb.jdbc;

import com.amazonaws.athena.connector.lambda.domain.predicate.AllOrNoneValueSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.EquatableValueSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.Marker;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.util.Text;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the SELECT for one split of a JDBC table read from the federation SDK's constraints.
 *
 * <p>Every value from a constraint or a split is a {@code ?} placeholder with its value in
 * {@link SqlQuery#parameters()}; identifiers are delimited by {@link SqlDialect#quote}. The only
 * text that is not an identifier or a keyword is the LIMIT, written as a literal: it is a
 * {@code long} from the SDK, so its decimal digits cannot carry SQL, and a literal LIMIT is valid
 * in PostgreSQL, MySQL and MariaDB whatever the driver's prepared-statement mode (a {@code LIMIT ?}
 * also works there, but a literal avoids depending on how the driver types the bound value).
 *
 * <p>Columns of the summary are taken in name order, so the same constraints give the same SQL.
 * The names are used as given (the SDK's, lower case); mapping them to the source's own spelling
 * is the caller's concern.
 *
 * <p>String comparisons run under the source column's collation. For {@code =} and {@code IN} a
 * case- or pad-insensitive collation can only return extra rows, which Athena filters out again;
 * a range on a string column under a collation that does not order by code point (MySQL's
 * {@code _ci} collations, PostgreSQL's non-{@code C} locales) can leave rows out.
 */
public final class SqlQueryBuilder
{
    private static final String FALSE = "1 = 0";

    private SqlQueryBuilder() {}

    /** Whether constraints on a column of this Arrow type can be written as SQL by {@link #build}. */
    public static boolean supports(ArrowType type)
    {
        return switch (type.getTypeID()) {
            case Utf8, Bool, Binary, Decimal -> true;
            case Int -> ((ArrowType.Int) type).getIsSigned();
            case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() != FloatingPointPrecision.HALF;
            case Date -> true;
            default -> false;
        };
    }

    /**
     * @param columns the columns to read, in order; empty reads one constant NULL per row (for count(*))
     * @param summary the SDK's per-column constraints, ANDed
     * @param orderBy the ORDER BY, with the nulls placement of each field
     * @param limit at most this many rows when 0 or more; negative for no limit
     * @param split an integer key range to read, or empty for the whole table
     * @throws IllegalArgumentException for a constraint of a type {@link #supports} refuses, or
     *         a ValueSet implementation it does not know
     */
    public static SqlQuery build(SqlDialect dialect, String schema, String table, List<String> columns,
            Map<String, ValueSet> summary, List<OrderByField> orderBy, long limit, Optional<SplitRange> split)
    {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Object> parameters = new ArrayList<>();
        if (columns.isEmpty()) {
            sql.append("NULL");
        }
        else {
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i)));
            }
        }
        sql.append(" FROM ");
        if (schema != null && !schema.isEmpty()) {
            sql.append(dialect.quote(schema)).append('.');
        }
        sql.append(dialect.quote(table));

        List<String> conjuncts = new ArrayList<>();
        for (Map.Entry<String, ValueSet> e : new TreeMap<>(summary).entrySet()) {
            predicate(dialect.quote(e.getKey()), e.getValue(), parameters).ifPresent(p -> conjuncts.add("(" + p + ")"));
        }
        split.ifPresent(s -> {
            String col = dialect.quote(s.column());
            List<String> bounds = new ArrayList<>();
            if (s.boundedBelow()) {
                bounds.add(col + " >= ?");
                parameters.add(s.low());
            }
            if (s.boundedAbove()) {
                bounds.add(col + " < ?");
                parameters.add(s.high());
            }
            if (!bounds.isEmpty()) {
                conjuncts.add("(" + String.join(" AND ", bounds) + ")");
            }
        });
        if (!conjuncts.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conjuncts));
        }

        if (!orderBy.isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (OrderByField field : orderBy) {
                orderKeys(dialect, dialect.quote(field.getColumnName()), field.getDirection(), keys);
            }
            sql.append(" ORDER BY ").append(String.join(", ", keys));
        }
        if (limit >= 0) {
            sql.append(" LIMIT ").append(Long.toString(limit));
        }
        return new SqlQuery(sql.toString(), parameters);
    }

    /**
     * PostgreSQL spells out NULLS FIRST/LAST. MySQL has no such clause and sorts NULL below every
     * value; where that differs from the requested placement, {@code col IS NULL} (1 for NULL)
     * sorts first: DESC puts NULL first, ASC puts it last.
     */
    private static void orderKeys(SqlDialect dialect, String col, OrderByField.Direction direction, List<String> keys)
    {
        String dir = direction.isAscending() ? "ASC" : "DESC";
        if (dialect == SqlDialect.POSTGRESQL) {
            keys.add(col + " " + dir + (direction.isNullsFirst() ? " NULLS FIRST" : " NULLS LAST"));
            return;
        }
        boolean mysqlNullsFirst = direction.isAscending();
        if (direction.isNullsFirst() != mysqlNullsFirst) {
            keys.add(col + " IS NULL " + (direction.isNullsFirst() ? "DESC" : "ASC"));
        }
        keys.add(col + " " + dir);
    }

    /** The predicate for one column, unparenthesized; empty when it allows every row. */
    private static Optional<String> predicate(String col, ValueSet set, List<Object> parameters)
    {
        if (set instanceof SortedRangeSet ranges) {
            return sortedRanges(col, ranges, parameters);
        }
        if (set instanceof EquatableValueSet equatable) {
            return equatable(col, equatable, parameters);
        }
        if (set instanceof AllOrNoneValueSet) {
            // isAll() and isNone() also count NULL; the constructor's "all" is the other flag.
            if (set.isNullAllowed()) {
                return set.isAll() ? Optional.empty() : Optional.of(col + " IS NULL");
            }
            return Optional.of(set.isNone() ? FALSE : col + " IS NOT NULL");
        }
        throw new IllegalArgumentException("unsupported constraint " + set.getClass().getSimpleName() + " on a column");
    }

    private static Optional<String> sortedRanges(String col, SortedRangeSet set, List<Object> parameters)
    {
        ArrowType type = set.getType();
        List<Range> ordered = set.getOrderedRanges();
        // SortedRangeSet.isAll() ignores nullAllowed, so every-value is read from the ranges.
        if (ordered.size() == 1 && ordered.get(0).isAll()) {
            return set.isNullAllowed() ? Optional.empty() : Optional.of(col + " IS NOT NULL");
        }
        List<Object> points = new ArrayList<>();
        List<String> disjuncts = new ArrayList<>();
        List<Object> rangeParameters = new ArrayList<>();
        for (Range range : ordered) {
            Marker low = range.getLow();
            Marker high = range.getHigh();
            if (range.isSingleValue()) {
                points.add(jdbcValue(range.getSingleValue(), type));
                continue;
            }
            // Range.isSingleValue() compares byte[] by reference, so a VARBINARY point is matched here.
            if (!low.isLowerUnbounded() && !high.isUpperUnbounded() && low.getBound() == Marker.Bound.EXACTLY
                    && high.getBound() == Marker.Bound.EXACTLY && Objects.deepEquals(low.getValue(), high.getValue())) {
                points.add(jdbcValue(low.getValue(), type));
                continue;
            }
            List<String> sides = new ArrayList<>(2);
            if (!low.isLowerUnbounded()) {
                sides.add(col + (low.getBound() == Marker.Bound.EXACTLY ? " >= ?" : " > ?"));
                rangeParameters.add(jdbcValue(low.getValue(), type));
            }
            if (!high.isUpperUnbounded()) {
                sides.add(col + (high.getBound() == Marker.Bound.EXACTLY ? " <= ?" : " < ?"));
                rangeParameters.add(jdbcValue(high.getValue(), type));
            }
            if (sides.isEmpty()) {
                // Unbounded on both sides: every value, whatever else the set holds.
                return set.isNullAllowed() ? Optional.empty() : Optional.of(col + " IS NOT NULL");
            }
            boolean alone = ordered.size() == 1 && !set.isNullAllowed();
            disjuncts.add(sides.size() == 2 && !alone ? "(" + String.join(" AND ", sides) + ")" : String.join(" AND ", sides));
        }
        List<String> all = new ArrayList<>();
        if (!points.isEmpty()) {
            all.add(in(col, "IN", points.size()));
            parameters.addAll(points);
        }
        parameters.addAll(rangeParameters);
        all.addAll(disjuncts);
        return Optional.of(disjunction(col, all, set.isNullAllowed()));
    }

    private static Optional<String> equatable(String col, EquatableValueSet set, List<Object> parameters)
    {
        ArrowType type = set.getType();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < set.getValueBlock().getRowCount(); i++) {
            Object v = set.getValue(i);
            if (v != null) {
                values.add(jdbcValue(v, type));
            }
        }
        if (set.isWhiteList()) {
            List<String> all = new ArrayList<>();
            if (!values.isEmpty()) {
                all.add(in(col, "IN", values.size()));
                parameters.addAll(values);
            }
            return Optional.of(disjunction(col, all, set.isNullAllowed()));
        }
        // A black list: every value but these. NOT IN is not true for NULL, so NULL is excluded
        // unless it is allowed.
        if (values.isEmpty()) {
            return set.isNullAllowed() ? Optional.empty() : Optional.of(col + " IS NOT NULL");
        }
        parameters.addAll(values);
        String notIn = in(col, "NOT IN", values.size());
        return Optional.of(set.isNullAllowed() ? notIn + " OR " + col + " IS NULL" : notIn);
    }

    /** {@code col = ?} for one value, {@code col IN (?, ?)} (or NOT) for several. */
    private static String in(String col, String operator, int count)
    {
        if (count == 1) {
            return col + (operator.equals("IN") ? " = ?" : " <> ?");
        }
        return col + " " + operator + " (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    private static String disjunction(String col, List<String> disjuncts, boolean nullAllowed)
    {
        List<String> all = new ArrayList<>(disjuncts);
        if (nullAllowed) {
            all.add(col + " IS NULL");
        }
        return all.isEmpty() ? FALSE : String.join(" OR ", all);
    }

    /**
     * The JDBC value for a value the SDK read out of an Arrow block. The SDK gives Text for
     * VARCHAR, Integer days since the epoch for DATEDAY, LocalDateTime (UTC) for DATEMILLI, and
     * the Java value of the vector otherwise (Byte, Short, Integer, Long, Float, Double,
     * BigDecimal, Boolean, byte[]).
     */
    static Object jdbcValue(Object value, ArrowType type)
    {
        if (!supports(type)) {
            throw new IllegalArgumentException("cannot write a constraint on a column of type " + type + " as SQL");
        }
        if (value == null) {
            throw new IllegalArgumentException("a constraint value of type " + type + " is null");
        }
        if (type instanceof ArrowType.Date date) {
            if (date.getUnit() == DateUnit.DAY) {
                if (value instanceof Number days) {
                    return LocalDate.ofEpochDay(days.longValue());
                }
                if (value instanceof LocalDate d) {
                    return d;
                }
                if (value instanceof LocalDateTime dt) {
                    return dt.toLocalDate();
                }
            }
            else {
                if (value instanceof LocalDateTime dt) {
                    return dt;
                }
                if (value instanceof Number millis) {
                    return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis.longValue()), ZoneOffset.UTC);
                }
            }
            throw new IllegalArgumentException("a " + type + " constraint value of class " + value.getClass().getName());
        }
        if (value instanceof Text text) {
            return text.toString();
        }
        if (value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof Double || value instanceof Float
                || value instanceof BigDecimal || value instanceof Boolean || value instanceof byte[]) {
            return value;
        }
        throw new IllegalArgumentException("a " + type + " constraint value of class " + value.getClass().getName());
    }
}
