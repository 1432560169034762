package io.github.athenaddb.ddb.plan;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One Query's KeyConditionExpression: the partition key equal to a value, and optionally a
 * sort-key condition. Names and values go through placeholders only, so no attribute name or
 * value can change the expression.
 */
public record KeyCondition(String hashKey, AttributeValue hashValue, Optional<SortCondition> sort)
{
    public KeyCondition
    {
        requireNonNull(hashKey, "hashKey is null");
        requireNonNull(hashValue, "hashValue is null");
        requireNonNull(sort, "sort is null");
    }

    public String expression()
    {
        String hash = "#k0 = :k0";
        if (sort.isEmpty()) {
            return hash;
        }
        return hash + " AND " + switch (sort.get().operator()) {
            case EQ -> "#k1 = :k1";
            case LT -> "#k1 < :k1";
            case LE -> "#k1 <= :k1";
            case GT -> "#k1 > :k1";
            case GE -> "#k1 >= :k1";
            case BETWEEN -> "#k1 BETWEEN :k1 AND :k2";
        };
    }

    public Map<String, String> names()
    {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("#k0", hashKey);
        sort.ifPresent(s -> names.put("#k1", s.attribute()));
        return names;
    }

    public Map<String, AttributeValue> values()
    {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":k0", hashValue);
        sort.ifPresent(s -> {
            values.put(":k1", s.value());
            s.upper().ifPresent(u -> values.put(":k2", u));
        });
        return values;
    }
}
