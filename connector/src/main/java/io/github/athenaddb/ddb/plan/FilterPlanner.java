package io.github.athenaddb.ddb.plan;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the query's non-key column domains into a FilterExpression, so DynamoDB sends back only
 * items that can match (read capacity is the same: DynamoDB filters after reading).
 * <p>
 * The domains are on stored values ({@link ReadFidelity#storedDomain}: a decimal column's are
 * widened by its rounding, a date's say only "present").
 * The filter must never drop an item whose row would match: the connector coerces values (an S
 * "42" reads as bigint 42, an N as varchar text), so a comparison applies only to attributes of
 * the column's own DynamoDB type, and any other type passes to the connector's exact check:
 * {@code attribute_exists(#a) AND (NOT attribute_type(#a, :t) OR <comparison>)}. Where a
 * comparison could disagree with Athena's, it is not sent:
 * <ul>
 * <li>a domain that allows NULL, for numbers: a value that does not fit reads as NULL;</li>
 * <li>string ranges whose bounds hold characters from U+D800 on (UTF-8 and UTF-16 orders differ);</li>
 * <li>ranges on binary and boolean columns, more than {@value #MAX_INTERVALS} intervals.</li>
 * </ul>
 * Then only {@code attribute_exists(#a)} is sent when the domain excludes NULL, or nothing.
 */
public final class FilterPlanner
{
    static final int MAX_INTERVALS = 50;

    private enum Kind { TEXT, NUMBER, BOOLEAN, BINARY, OTHER }

    private FilterPlanner() {}

    /** @param keyAttributes attributes a Query's filter may not name (the queried keys); empty for a Scan */
    public static Optional<FilterCondition> plan(Map<String, ColumnDomain> domains, Set<String> keyAttributes)
    {
        return plan(domains, keyAttributes, Optional.empty());
    }

    /**
     * The filter of a read of the items a sparse index leaves out for lack of its sort key: the
     * domains' filter and {@code attribute_not_exists} of that key. The key's absence is exact (no
     * coercion to allow for): the read must return no item the index holds, which the index's own
     * read returns already.
     */
    public static FilterCondition missing(Map<String, ColumnDomain> domains, Set<String> keyAttributes, String absentAttribute)
    {
        return plan(domains, keyAttributes, Optional.of(absentAttribute)).orElseThrow();
    }

    private static Optional<FilterCondition> plan(Map<String, ColumnDomain> domains, Set<String> keyAttributes, Optional<String> absent)
    {
        Builder builder = new Builder();
        List<Term> terms = new ArrayList<>();
        absent.ifPresent(a -> terms.add(Term.atom("attribute_not_exists(" + builder.name(a) + ")")));
        new TreeMap<>(domains).forEach((attribute, domain) -> {
            if (!keyAttributes.contains(attribute)) {
                int[] mark = builder.mark();
                Optional<Term> term = term(builder, attribute, domain);
                if (term.isPresent()) {
                    terms.add(term.get());
                }
                else {
                    // DynamoDB refuses placeholders the expression does not use.
                    builder.rollback(mark);
                }
            }
        });
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FilterCondition(Term.and(terms).text(), builder.names, builder.values));
    }

    private static Optional<Term> term(Builder b, String attribute, ColumnDomain domain)
    {
        if (domain.intervals().isEmpty() || domain.allowsEveryValue()) {
            // IS NULL, or IS NOT NULL: a misfit value also reads as NULL, so only "exists" is safe to send.
            return domain.nullAllowed() || domain.intervals().isEmpty() ? Optional.empty()
                    : Optional.of(Term.atom("attribute_exists(" + b.name(attribute) + ")"));
        }
        Kind kind = kind(domain);
        boolean neverNullWhenPresent = kind == Kind.TEXT || kind == Kind.BOOLEAN || kind == Kind.BINARY;
        if (domain.nullAllowed() && !neverNullWhenPresent) {
            return Optional.empty();
        }
        String name = b.name(attribute);
        int[] mark = b.mark();
        Optional<Term> comparison = comparison(b, name, kind, domain.intervals());
        if (comparison.isEmpty()) {
            b.rollback(mark);
            return domain.nullAllowed() ? Optional.empty() : Optional.of(Term.atom("attribute_exists(" + name + ")"));
        }
        Term otherType = Term.not(Term.atom("attribute_type(" + name + ", " + b.value(AttributeValue.fromS(dynamoType(kind))) + ")"));
        return Optional.of(domain.nullAllowed()
                ? Term.or(List.of(Term.atom("attribute_not_exists(" + name + ")"), otherType, comparison.get()))
                : Term.and(List.of(Term.atom("attribute_exists(" + name + ")"), Term.or(List.of(otherType, comparison.get())))));
    }

    private static Optional<Term> comparison(Builder b, String name, Kind kind, List<ColumnDomain.Interval> intervals)
    {
        if (kind == Kind.OTHER || intervals.size() > MAX_INTERVALS) {
            return Optional.empty();
        }
        if (intervals.stream().allMatch(ColumnDomain.Interval::isPoint)) {
            List<String> values = new ArrayList<>();
            intervals.forEach(i -> values.add(b.value(value(kind, i.low().orElseThrow().value()))));
            return Optional.of(Term.atom(values.size() == 1 ? name + " = " + values.get(0) : name + " IN (" + String.join(", ", values) + ")"));
        }
        if (kind != Kind.TEXT && kind != Kind.NUMBER) {
            return Optional.empty();
        }
        List<Term> ranges = new ArrayList<>();
        for (ColumnDomain.Interval interval : intervals) {
            boolean alike = interval.low().map(l -> SortCondition.ordersAlike("S", l.value())).orElse(true)
                    && interval.high().map(h -> SortCondition.ordersAlike("S", h.value())).orElse(true);
            if (!alike) {
                return Optional.empty();
            }
            ranges.add(range(b, name, kind, interval));
        }
        return Optional.of(Term.or(ranges));
    }

    private static Term range(Builder b, String name, Kind kind, ColumnDomain.Interval interval)
    {
        if (interval.isPoint()) {
            return Term.atom(name + " = " + b.value(value(kind, interval.low().orElseThrow().value())));
        }
        Optional<ColumnDomain.Bound> low = interval.low();
        Optional<ColumnDomain.Bound> high = interval.high();
        if (low.isPresent() && high.isPresent() && low.get().inclusive() && high.get().inclusive()) {
            return Term.atom(name + " BETWEEN " + b.value(value(kind, low.get().value())) + " AND " + b.value(value(kind, high.get().value())));
        }
        List<Term> sides = new ArrayList<>();
        low.ifPresent(l -> sides.add(Term.atom(name + (l.inclusive() ? " >= " : " > ") + b.value(value(kind, l.value())))));
        high.ifPresent(h -> sides.add(Term.atom(name + (h.inclusive() ? " <= " : " < ") + b.value(value(kind, h.value())))));
        return Term.and(sides);
    }

    /**
     * An expression with its precedence (OR 1, AND 2, NOT and operands 3). DynamoDB rejects
     * redundant parentheses, so a part is parenthesized only where precedence requires it.
     */
    private record Term(String text, int precedence)
    {
        static Term atom(String text)
        {
            return new Term(text, 3);
        }

        static Term not(Term term)
        {
            return new Term("NOT " + wrap(term, 3), 3);
        }

        static Term and(List<Term> terms)
        {
            return join(terms, " AND ", 2);
        }

        static Term or(List<Term> terms)
        {
            return join(terms, " OR ", 1);
        }

        private static Term join(List<Term> terms, String operator, int precedence)
        {
            if (terms.size() == 1) {
                return terms.get(0);
            }
            List<String> parts = new ArrayList<>();
            terms.forEach(t -> parts.add(wrap(t, precedence)));
            return new Term(String.join(operator, parts), precedence);
        }

        private static String wrap(Term term, int precedence)
        {
            return term.precedence() < precedence ? "(" + term.text() + ")" : term.text();
        }
    }

    /** The column's kind, from the Java type of its values (Text, bigint, boolean, varbinary; anything else is OTHER). */
    private static Kind kind(ColumnDomain domain)
    {
        Kind kind = null;
        for (ColumnDomain.Interval i : domain.intervals()) {
            for (Optional<ColumnDomain.Bound> bound : List.of(i.low(), i.high())) {
                if (bound.isPresent()) {
                    Kind k = kindOf(bound.get().value());
                    if (kind != null && kind != k) {
                        return Kind.OTHER;
                    }
                    kind = k;
                }
            }
        }
        return kind == null ? Kind.OTHER : kind;
    }

    private static Kind kindOf(Object value)
    {
        if (value instanceof String) {
            return Kind.TEXT;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigDecimal) {
            return Kind.NUMBER;
        }
        if (value instanceof Boolean) {
            return Kind.BOOLEAN;
        }
        return value instanceof byte[] ? Kind.BINARY : Kind.OTHER;
    }

    private static String dynamoType(Kind kind)
    {
        return switch (kind) {
            case TEXT -> "S";
            case NUMBER -> "N";
            case BOOLEAN -> "BOOL";
            case BINARY -> "B";
            case OTHER -> throw new IllegalArgumentException("no DynamoDB type for " + kind);
        };
    }

    private static AttributeValue value(Kind kind, Object value)
    {
        return switch (kind) {
            case TEXT -> AttributeValue.fromS((String) value);
            case NUMBER -> AttributeValue.fromN(value instanceof BigDecimal d
                    ? (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString()) : value.toString());
            case BOOLEAN -> AttributeValue.fromBool((Boolean) value);
            case BINARY -> AttributeValue.fromB(SdkBytes.fromByteArray((byte[]) value));
            case OTHER -> throw new IllegalArgumentException("no DynamoDB value for " + value);
        };
    }

    /** Placeholders, numbered in the order they are used. */
    private static final class Builder
    {
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();

        String name(String attribute)
        {
            for (Map.Entry<String, String> e : names.entrySet()) {
                if (e.getValue().equals(attribute)) {
                    return e.getKey();
                }
            }
            String placeholder = "#f" + names.size();
            names.put(placeholder, attribute);
            return placeholder;
        }

        int[] mark()
        {
            return new int[] {names.size(), values.size()};
        }

        void rollback(int[] mark)
        {
            new ArrayList<>(names.keySet()).subList(mark[0], names.size()).forEach(names::remove);
            new ArrayList<>(values.keySet()).subList(mark[1], values.size()).forEach(values::remove);
        }

        String value(AttributeValue value)
        {
            String placeholder = ":f" + values.size();
            values.put(placeholder, value);
            return placeholder;
        }
    }
}
