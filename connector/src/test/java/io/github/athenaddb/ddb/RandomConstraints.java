package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Random column constraints as Athena sends them (SortedRangeSets keyed by lower-cased column
 * name): equality, IN lists, open and closed ranges, several disjoint ranges, not-equal, IS NULL,
 * IS NOT NULL, and null-allowed variants, on values that exist in the table and values that don't
 * (text, numbers, and for decimals the values one unit of the last place away from existing ones).
 * Dates and timestamps take only existing values.
 */
final class RandomConstraints
{
    /** One case: the summary to send, and a readable text of it for failure messages. */
    record Case(Map<String, ValueSet> summary, String text) {}

    private final Random random;
    private final Schema schema;
    private final Map<String, List<Object>> candidates;

    /**
     * @param existing the non-null values each column holds, to pick from
     * @param extras values absent from the table (text; numbers are made up here)
     */
    RandomConstraints(Random random, Schema schema, Map<String, ? extends Iterable<Object>> existing, List<String> extras)
    {
        this.random = random;
        this.schema = schema;
        this.candidates = new LinkedHashMap<>();
        existing.forEach((column, values) -> {
            List<Object> all = new ArrayList<>();
            values.forEach(all::add);
            ArrowType type = schema.findField(column).getType();
            if (type instanceof ArrowType.Utf8) {
                all.addAll(extras);
            }
            else if (type instanceof ArrowType.Int || type instanceof ArrowType.Decimal) {
                List.of(-100L, 0L, 7L, 1000L, Long.MAX_VALUE).forEach(v -> all.add(number(type, BigDecimal.valueOf(v))));
            }
            else if (type instanceof ArrowType.FloatingPoint) {
                List.of(-100.0, 0.0, 0.3, 36.65, 1e300).forEach(all::add);
            }
            if (type instanceof ArrowType.Decimal d) {
                List.of("2.49", "-0.5", "0.000000001").forEach(v -> all.add(number(type, new BigDecimal(v))));
                // A unit of the last place either side of each value: where rounding decides.
                BigDecimal unit = BigDecimal.ONE.movePointLeft(d.getScale());
                values.forEach(v -> {
                    all.add(((BigDecimal) v).add(unit));
                    all.add(((BigDecimal) v).subtract(unit));
                });
                // Athena sends only values of the column's type: none wider than its precision.
                all.removeIf(v -> ((BigDecimal) v).precision() > d.getPrecision());
            }
            candidates.put(column, all);
        });
    }

    /** @param weights the chance of a constraint on each column */
    Case next(BlockAllocator allocator, Map<String, Double> weights, List<String> hashColumns)
    {
        Map<String, ValueSet> summary = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        weights.forEach((column, weight) -> {
            if (random.nextDouble() < weight) {
                StringBuilder one = new StringBuilder(column).append(' ');
                summary.put(column, valueSet(allocator, column, hashColumns.contains(column), one));
                text.append(text.length() == 0 ? "" : " AND ").append(one);
            }
        });
        return new Case(summary, text.length() == 0 ? "(none)" : text.toString());
    }

    private ValueSet valueSet(BlockAllocator allocator, String column, boolean hash, StringBuilder text)
    {
        ArrowType type = schema.findField(column).getType();
        int shape = hash && random.nextDouble() < 0.6 ? random.nextInt(2) : random.nextInt(8);
        boolean nullAllowed = shape < 6 && random.nextDouble() < 0.2;
        List<Range> ranges = new ArrayList<>();
        switch (shape) {
            case 0 -> {
                Object v = pick(column);
                ranges.add(Range.equal(allocator, type, v));
                text.append("= ").append(quote(v));
            }
            case 1 -> {
                List<Object> values = new ArrayList<>();
                for (int i = 0, n = 2 + random.nextInt(7); i < n; i++) {
                    values.add(pick(column));
                }
                values.forEach(v -> ranges.add(Range.equal(allocator, type, v)));
                text.append("IN ").append(values.stream().map(RandomConstraints::quote).toList());
            }
            case 2 -> ranges.add(openRange(allocator, type, column, text));
            case 3, 4 -> {
                for (int i = 0, n = shape == 3 ? 1 : 2 + random.nextInt(2); i < n; i++) {
                    text.append(i == 0 ? "" : " OR ");
                    ranges.add(random.nextInt(4) == 0 ? openRange(allocator, type, column, text) : closedRange(allocator, type, column, text));
                }
            }
            case 5 -> {
                Object v = pick(column);
                ranges.add(Range.lessThan(allocator, type, v));
                ranges.add(Range.greaterThan(allocator, type, v));
                text.append("<> ").append(quote(v));
            }
            case 6 -> {
                text.append("IS NULL");
                return SortedRangeSet.onlyNull(type);
            }
            default -> {
                text.append("IS NOT NULL");
                return SortedRangeSet.notNull(allocator, type);
            }
        }
        if (nullAllowed) {
            text.append(" OR IS NULL");
        }
        return SortedRangeSet.of(nullAllowed, ranges.get(0), ranges.subList(1, ranges.size()));
    }

    private Range openRange(BlockAllocator allocator, ArrowType type, String column, StringBuilder text)
    {
        Object v = pick(column);
        int op = random.nextInt(4);
        text.append(List.of(">", ">=", "<", "<=").get(op)).append(' ').append(quote(v));
        return switch (op) {
            case 0 -> Range.greaterThan(allocator, type, v);
            case 1 -> Range.greaterThanOrEqual(allocator, type, v);
            case 2 -> Range.lessThan(allocator, type, v);
            default -> Range.lessThanOrEqual(allocator, type, v);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Range closedRange(BlockAllocator allocator, ArrowType type, String column, StringBuilder text)
    {
        // The SDK orders values as Java does (String.compareTo, BigDecimal.compareTo).
        TreeSet<Object> ends = new TreeSet<>((Comparator) Comparator.naturalOrder());
        ends.add(pick(column));
        ends.add(pick(column));
        Object low = ends.first();
        Object high = ends.last();
        boolean lowInclusive = low.equals(high) || random.nextBoolean();
        boolean highInclusive = low.equals(high) || random.nextBoolean();
        text.append(lowInclusive ? "[" : "(").append(quote(low)).append(", ").append(quote(high)).append(highInclusive ? "]" : ")");
        return Range.range(allocator, type, low, lowInclusive, high, highInclusive);
    }

    private Object pick(String column)
    {
        List<Object> values = candidates.get(column);
        return values.get(random.nextInt(values.size()));
    }

    /** A number as the column holds it: Long for BIGINT, Integer for INT, BigDecimal at the column's scale for DECIMAL. */
    static Object number(ArrowType type, BigDecimal value)
    {
        if (type instanceof ArrowType.Decimal d) {
            return value.setScale(d.getScale(), RoundingMode.HALF_EVEN);
        }
        if (type instanceof ArrowType.Int i && i.getBitWidth() == 32) {
            return value.intValue();
        }
        return value.longValue();
    }

    private static String quote(Object v)
    {
        if (!(v instanceof String s)) {
            return String.valueOf(v);
        }
        StringBuilder text = new StringBuilder("'");
        s.chars().forEach(c -> text.append(c < 0x20 || c == 0xFFFF ? String.format("\\u%04X", c) : c == '\'' ? "''" : String.valueOf((char) c)));
        return text.append('\'').toString();
    }
}
