package io.github.athenaddb.ddb.types;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** Finds a map entry by the field name Athena sends, which may have been lower-cased. */
final class StructKeys
{
    private StructKeys() {}

    static AttributeValue lookup(Map<String, AttributeValue> map, String name)
    {
        AttributeValue exact = map.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
