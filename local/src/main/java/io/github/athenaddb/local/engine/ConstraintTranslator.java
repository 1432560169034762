package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import com.google.common.collect.BoundType;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the engine's WHERE conjuncts on one table into the SDK's per-column constraints, as
 * Athena does: comparisons of a column with a literal, IN / NOT IN and BETWEEN (Calcite's
 * SEARCH), IS NULL and IS NOT NULL, and LIKE 'prefix%' as a range. Several conjuncts on a column are intersected. A conjunct
 * of any other shape (OR across columns, functions, casts) is not pushed; the engine evaluates
 * every conjunct after the scan anyway, so pushing is only ever a way to read less.
 */
final class ConstraintTranslator
{
    private static final RexBuilder REX = new RexBuilder(new JavaTypeFactoryImpl());

    private ConstraintTranslator() {}

    /** @param pushed constraints by column name; {@code residual} the conjuncts not pushed (for explain) */
    record Translation(Map<String, ValueSet> pushed, List<RexNode> residual) {}

    static Translation translate(BlockAllocator allocator, List<Field> columns, List<RexNode> conjuncts)
    {
        Map<String, ValueSet> pushed = new LinkedHashMap<>();
        List<RexNode> residual = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(RexUtil.composeConjunction(REX, conjuncts))) {
            ColumnConstraint c = toConstraint(allocator, columns, conjunct);
            if (c == null) {
                residual.add(conjunct);
                continue;
            }
            pushed.merge(c.column(), c.values(), (a, b) -> a.intersect(allocator, b));
        }
        // Table column order, so the same query always describes its constraints the same way.
        Map<String, ValueSet> ordered = new LinkedHashMap<>();
        columns.forEach(f -> {
            if (pushed.containsKey(f.getName())) {
                ordered.put(f.getName(), pushed.get(f.getName()));
            }
        });
        return new Translation(ordered, residual);
    }

    /**
     * Whether every conjunct becomes a constraint, so that the connector's own check of its
     * constraints keeps exactly the rows the WHERE keeps (what a LIMIT pushed with it needs).
     */
    static boolean translatesAll(List<Field> columns, List<RexNode> conjuncts)
    {
        try (BlockAllocator allocator = new BlockAllocatorImpl()) {
            Translation t = translate(allocator, columns, conjuncts);
            release(t.pushed());
            return t.residual().isEmpty();
        }
    }

    private record ColumnConstraint(String column, ValueSet values) {}

    /** ValueSets hold Arrow buffers from the allocator they were built with: release them before it closes. */
    static void release(Map<String, ValueSet> pushed)
    {
        for (ValueSet set : pushed.values()) {
            try {
                set.close();
            }
            catch (Exception ignored) {
                // freed with the allocator
            }
        }
    }

    private static ColumnConstraint toConstraint(BlockAllocator allocator, List<Field> columns, RexNode node)
    {
        if (!(node instanceof RexCall call)) {
            return null;
        }
        SqlKind kind = call.getKind();
        if ((kind == SqlKind.IS_NULL || kind == SqlKind.IS_NOT_NULL) && call.getOperands().get(0) instanceof RexInputRef ref) {
            Field f = columns.get(ref.getIndex());
            if (!isScalar(f)) {
                return null;
            }
            ValueSet set = kind == SqlKind.IS_NULL ? SortedRangeSet.onlyNull(f.getType()) : SortedRangeSet.notNull(allocator, f.getType());
            return new ColumnConstraint(f.getName(), set);
        }
        if (kind == SqlKind.LIKE) {
            return likePrefix(allocator, columns, call);
        }
        if (call.getOperands().size() != 2) {
            return null;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (left instanceof RexLiteral && right instanceof RexInputRef) {
            kind = kind.reverse();
            RexNode swap = left;
            left = right;
            right = swap;
        }
        if (!(left instanceof RexInputRef ref) || !(right instanceof RexLiteral literal)) {
            return null;
        }
        Field f = columns.get(ref.getIndex());
        if (!isScalar(f)) {
            return null;
        }
        ArrowType type = f.getType();
        if (kind == SqlKind.SEARCH) {
            return searchConstraint(allocator, f, literal);
        }
        Object value = javaValue(type, literal.getValue());
        if (value == null) {
            return null;
        }
        ValueSet set = switch (kind) {
            case EQUALS -> SortedRangeSet.of(false, Range.equal(allocator, type, value));
            case NOT_EQUALS -> SortedRangeSet.of(false, Range.lessThan(allocator, type, value), Range.greaterThan(allocator, type, value));
            case LESS_THAN -> SortedRangeSet.of(false, Range.lessThan(allocator, type, value));
            case LESS_THAN_OR_EQUAL -> SortedRangeSet.of(false, Range.lessThanOrEqual(allocator, type, value));
            case GREATER_THAN -> SortedRangeSet.of(false, Range.greaterThan(allocator, type, value));
            case GREATER_THAN_OR_EQUAL -> SortedRangeSet.of(false, Range.greaterThanOrEqual(allocator, type, value));
            default -> null;
        };
        return set == null ? null : new ColumnConstraint(f.getName(), set);
    }

    /**
     * {@code col LIKE 'abc%'} as the range ['abc', 'abd'): the strings that start with the
     * prefix, as Athena's planner turns a prefix LIKE into a range. Only a pattern whose one
     * wildcard is a final % and that has no escape qualifies.
     */
    private static ColumnConstraint likePrefix(BlockAllocator allocator, List<Field> columns, RexCall call)
    {
        if (call.getOperands().size() != 2 || !(call.getOperands().get(0) instanceof RexInputRef ref)
                || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
            return null;
        }
        Field f = columns.get(ref.getIndex());
        String pattern = literal.getValueAs(String.class);
        if (f.getType().getTypeID() != ArrowType.ArrowTypeID.Utf8 || pattern == null || pattern.length() < 2 || !pattern.endsWith("%")) {
            return null;
        }
        String prefix = pattern.substring(0, pattern.length() - 1);
        char last = prefix.charAt(prefix.length() - 1);
        if (prefix.indexOf('%') >= 0 || prefix.indexOf('_') >= 0 || last == Character.MAX_VALUE) {
            return null;
        }
        String next = prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
        return new ColumnConstraint(f.getName(), SortedRangeSet.of(false, Range.range(allocator, f.getType(), prefix, true, next, false)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ColumnConstraint searchConstraint(BlockAllocator allocator, Field f, RexLiteral literal)
    {
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null) {
            return null;
        }
        ArrowType type = f.getType();
        List<Range> ranges = new ArrayList<>();
        for (Object o : sarg.rangeSet.asRanges()) {
            com.google.common.collect.Range r = (com.google.common.collect.Range) o;
            Object low = r.hasLowerBound() ? javaValue(type, r.lowerEndpoint()) : null;
            Object high = r.hasUpperBound() ? javaValue(type, r.upperEndpoint()) : null;
            if ((r.hasLowerBound() && low == null) || (r.hasUpperBound() && high == null)) {
                return null;
            }
            ranges.add(toRange(allocator, type, r, low, high));
        }
        boolean nullAllowed = sarg.nullAs == RexUnknownAs.TRUE;
        if (ranges.isEmpty()) {
            return new ColumnConstraint(f.getName(), nullAllowed ? SortedRangeSet.onlyNull(type) : SortedRangeSet.none(type));
        }
        return new ColumnConstraint(f.getName(), SortedRangeSet.of(nullAllowed, ranges.get(0), ranges.subList(1, ranges.size())));
    }

    @SuppressWarnings("rawtypes")
    private static Range toRange(BlockAllocator allocator, ArrowType type, com.google.common.collect.Range r, Object low, Object high)
    {
        if (r.hasLowerBound() && r.hasUpperBound()) {
            if (low.equals(high) && r.lowerBoundType() == BoundType.CLOSED && r.upperBoundType() == BoundType.CLOSED) {
                return Range.equal(allocator, type, low);
            }
            return Range.range(allocator, type, low, r.lowerBoundType() == BoundType.CLOSED, high, r.upperBoundType() == BoundType.CLOSED);
        }
        if (r.hasLowerBound()) {
            return r.lowerBoundType() == BoundType.CLOSED ? Range.greaterThanOrEqual(allocator, type, low) : Range.greaterThan(allocator, type, low);
        }
        if (r.hasUpperBound()) {
            return r.upperBoundType() == BoundType.CLOSED ? Range.lessThanOrEqual(allocator, type, high) : Range.lessThan(allocator, type, high);
        }
        return Range.all(allocator, type);
    }

    /** The literal as the Java type the column's ValueSet holds, or null when it cannot be exact. */
    static Object javaValue(ArrowType type, Object literal)
    {
        if (literal == null) {
            return null;
        }
        switch (type.getTypeID()) {
            case Utf8:
                return literal instanceof NlsString s ? s.getValue() : literal instanceof String s ? s : null;
            case Int:
                if (literal instanceof BigDecimal d) {
                    try {
                        return d.longValueExact();
                    }
                    catch (ArithmeticException notIntegral) {
                        return null;
                    }
                }
                return literal instanceof Number n ? n.longValue() : null;
            case Decimal:
                if (literal instanceof BigDecimal d) {
                    int scale = ((ArrowType.Decimal) type).getScale();
                    // A literal with more fractional digits than the column cannot equal any value exactly.
                    return d.stripTrailingZeros().scale() > scale ? null : d.setScale(scale);
                }
                return null;
            case Bool:
                return literal instanceof Boolean b ? b : null;
            case Date:
                return ((ArrowType.Date) type).getUnit() == org.apache.arrow.vector.types.DateUnit.DAY ? days(literal) : timestamp(literal);
            default:
                return null;
        }
    }

    /** A DATE literal as the SDK's DATEDAY value, days since 1970-01-01. */
    private static Object days(Object literal)
    {
        if (literal instanceof DateString d) {
            return d.getDaysSinceEpoch();
        }
        if (literal instanceof Calendar c) {
            return (int) Math.floorDiv(c.getTimeInMillis(), 86_400_000L);
        }
        return null;
    }

    /** A TIMESTAMP literal as the SDK's DATEMILLI value, a UTC wall clock; null when finer than milliseconds. */
    private static Object timestamp(Object literal)
    {
        long millis;
        if (literal instanceof TimestampString t) {
            if (!t.round(3).equals(t)) {
                return null;
            }
            millis = t.getMillisSinceEpoch();
        }
        else if (literal instanceof Calendar c) {
            millis = c.getTimeInMillis();
        }
        else {
            return null;
        }
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    private static boolean isScalar(Field f)
    {
        return switch (f.getType().getTypeID()) {
            case Utf8, Int, Decimal, Bool, Date -> true;
            default -> false;
        };
    }
}
