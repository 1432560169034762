package io.github.athenaddb.ddb.plan;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A predicate value as a key attribute value of the key's declared type (S or N). A key
 * condition must match exactly what DynamoDB stores, so anything not exactly representable
 * (a number for an S key, text for an N key, any B key, text no S key can hold) is refused and
 * the key is not used.
 */
public final class KeyValues
{
    static final int MAX_KEY_BYTES = 1024;

    private KeyValues() {}

    public static Optional<AttributeValue> of(String dynamoType, Object value)
    {
        if (value == null) {
            return Optional.empty();
        }
        switch (dynamoType) {
            case "S":
                // No key holds an empty string or one past the 1,024-byte sort-key limit; DynamoDB
                // rejects such a key value (ValidationException) rather than match nothing.
                return value instanceof String s && !s.isEmpty() && s.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES
                        ? Optional.of(AttributeValue.fromS(s)) : Optional.empty();
            case "N":
                if (value instanceof Long || value instanceof Integer) {
                    return Optional.of(AttributeValue.fromN(value.toString()));
                }
                if (value instanceof BigDecimal d) {
                    // DynamoDB compares numbers by value; the plain text of the reduced decimal is the canonical form.
                    return Optional.of(AttributeValue.fromN(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString()));
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
