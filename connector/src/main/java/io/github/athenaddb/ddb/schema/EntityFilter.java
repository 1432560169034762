package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ddb.plan.ColumnDomain;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The defining predicate of an entity view over a single-table design: an attribute equal to a
 * value ({@code Type = 'Order'}), a key attribute starting with a prefix
 * ({@code begins_with(SK, '#ORDER#')}), or both. It is given to the planner as column domains,
 * so a key path is used when there is one, and checked on every item read.
 */
public record EntityFilter(Optional<Condition> equality, Optional<Condition> prefix)
{
    /** An attribute and a string value. */
    public record Condition(String attribute, String value)
    {
        public Condition
        {
            requireNonNull(attribute, "attribute is null");
            requireNonNull(value, "value is null");
        }
    }

    public EntityFilter
    {
        requireNonNull(equality, "equality is null");
        requireNonNull(prefix, "prefix is null");
        if (equality.isEmpty() && prefix.isEmpty()) {
            throw new IllegalArgumentException("an entity filter needs an equality or a prefix");
        }
        if (prefix.isPresent() && prefix.get().value().isEmpty()) {
            throw new IllegalArgumentException("an entity key prefix must not be empty");
        }
    }

    public boolean matches(Map<String, AttributeValue> item)
    {
        return equality.map(c -> text(item, c.attribute()).map(c.value()::equals).orElse(false)).orElse(true)
                && prefix.map(c -> text(item, c.attribute()).map(v -> v.startsWith(c.value())).orElse(false)).orElse(true);
    }

    /** The predicate as domains by attribute: the equality as one value, the prefix as [prefix, next string after every extension). */
    public Map<String, ColumnDomain> domains()
    {
        Map<String, ColumnDomain> domains = new HashMap<>();
        equality.ifPresent(c -> domains.put(c.attribute(), ColumnDomain.points(c.value())));
        prefix.ifPresent(c -> {
            String p = c.value();
            char last = p.charAt(p.length() - 1);
            Optional<ColumnDomain.Bound> high = last == Character.MAX_VALUE ? Optional.empty()
                    : Optional.of(new ColumnDomain.Bound(p.substring(0, p.length() - 1) + (char) (last + 1), false));
            ColumnDomain range = new ColumnDomain(false, java.util.List.of(new ColumnDomain.Interval(
                    Optional.of(new ColumnDomain.Bound(p, true)), high)));
            // Both on one attribute: the equality is the narrower, and the item check applies both.
            domains.putIfAbsent(c.attribute(), range);
        });
        return domains;
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String attribute)
    {
        AttributeValue v = item.get(attribute);
        return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
    }

    @Override
    public String toString()
    {
        StringBuilder text = new StringBuilder();
        equality.ifPresent(c -> text.append(c.attribute()).append(" = '").append(c.value()).append('\''));
        prefix.ifPresent(c -> text.append(text.length() > 0 ? " AND " : "").append("begins_with(").append(c.attribute())
                .append(", '").append(c.value()).append("')"));
        return text.toString();
    }
}
