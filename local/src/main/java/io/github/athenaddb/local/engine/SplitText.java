package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.domain.Split;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One split as {@code explain} shows it: its properties, which are all a source puts in a split
 * (the DynamoDB connector's kind, table, index, key conditions, filter, limit), by name. A long
 * value (a BatchGetItem's hundred keys) is cut, with its length.
 */
final class SplitText
{
    static final int MAX_VALUE_CHARS = 160;

    private SplitText() {}

    static String describe(Split split)
    {
        Map<String, String> sorted = new TreeMap<>(split.getProperties());
        return sorted.entrySet().stream()
                .map(e -> e.getKey() + "=" + cut(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    static String cut(String value)
    {
        if (value == null || value.length() <= MAX_VALUE_CHARS) {
            return value;
        }
        return value.substring(0, MAX_VALUE_CHARS) + "... (" + value.length() + " chars)";
    }
}
