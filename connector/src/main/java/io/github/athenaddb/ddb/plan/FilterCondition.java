package io.github.athenaddb.ddb.plan;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A DynamoDB FilterExpression with its own placeholders ({@code #f…} names, {@code :f…} values),
 * so that it can be sent next to a key condition and a projection without clashing.
 */
public record FilterCondition(String expression, Map<String, String> names, Map<String, AttributeValue> values)
{
    public FilterCondition
    {
        requireNonNull(expression, "expression is null");
        names = Map.copyOf(names);
        values = Map.copyOf(values);
    }
}
