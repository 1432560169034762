package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.exec.AttributeProjection;

import java.util.List;

/**
 * The attributes a read asks DynamoDB for: the requested columns, the table's keys (to name an
 * item in a warning, and to fetch an item an index lacks attributes of) and what an entity view's
 * predicate checks.
 */
public record ReadProjection(List<String> attributes, List<String> keys, AttributeProjection expression)
{
    public ReadProjection
    {
        attributes = List.copyOf(attributes);
        keys = List.copyOf(keys);
    }

    public static ReadProjection of(List<String> attributes, List<String> keys)
    {
        return new ReadProjection(attributes, keys, AttributeProjection.of(attributes));
    }
}
