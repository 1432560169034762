package io.github.athenaddb.ddb.table;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The defining predicate of an entity view over a single-table design: an attribute equal to a
 * value ({@code Type = 'Order'}), a key attribute starting with a prefix
 * ({@code begins_with(SK, '#ORDER#')}), or both. The planner reads it as column domains
 * ({@code plan.EntityDomains}), so a key path is used when there is one; it is checked on every item read.
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
