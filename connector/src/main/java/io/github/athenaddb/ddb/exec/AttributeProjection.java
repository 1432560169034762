package io.github.athenaddb.ddb.exec;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A DynamoDB ProjectionExpression for a set of top-level attributes. Every name goes through a
 * {@code #placeholder}: reserved words (status, name, size), dots, dashes and any unicode are
 * then read as literal attribute names, and no attribute name can alter the expression.
 */
public record AttributeProjection(String expression, Map<String, String> names)
{
    public AttributeProjection
    {
        names = Map.copyOf(names);
    }

    public static AttributeProjection of(Collection<String> attributes)
    {
        Set<String> unique = new LinkedHashSet<>(attributes);
        Map<String, String> names = new LinkedHashMap<>();
        StringBuilder expression = new StringBuilder();
        int i = 0;
        for (String attribute : unique) {
            String placeholder = "#p" + i++;
            names.put(placeholder, attribute);
            if (expression.length() > 0) {
                expression.append(", ");
            }
            expression.append(placeholder);
        }
        return new AttributeProjection(expression.toString(), names);
    }
}
