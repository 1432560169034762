package io.github.athenaddb.ddb.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/** A path from a top-level attribute into nested maps ({@code Address} → {@code City}), for flattened columns. */
public final class NestedPath
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private NestedPath() {}

    public static String write(List<String> path)
    {
        try {
            return JSON.writeValueAsString(path);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String[] parse(String text)
    {
        try {
            String[] path = JSON.readValue(text, String[].class);
            if (path.length == 0) {
                throw new IllegalArgumentException("empty attribute path");
            }
            return path;
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an attribute path: " + text);
        }
    }

    /** The value at the path, or null where a step is missing or not a map; field names match as struct fields do (ignoring case). */
    static AttributeValue lookup(Map<String, AttributeValue> item, String[] path)
    {
        AttributeValue value = item.get(path[0]);
        for (int i = 1; i < path.length && value != null; i++) {
            value = value.type() == AttributeValue.Type.M ? StructKeys.lookup(value.m(), path[i]) : null;
        }
        return value;
    }
}
