package io.github.athenaddb.ddb.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Infers the {@link InferredType} of a single DynamoDB value, recursively through M and L. */
public final class AttributeTypes
{
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private AttributeTypes() {}

    public static InferredType of(AttributeValue value)
    {
        if (value == null) {
            return InferredType.NULL;
        }
        switch (value.type()) {
            case S:
                return InferredType.TEXT;
            case N:
                return ofNumber(value.n());
            case B:
                return InferredType.BINARY;
            case BOOL:
                return InferredType.BOOL;
            case NUL:
                return InferredType.NULL;
            case SS:
                return new InferredType.ListOf(InferredType.TEXT);
            case BS:
                return new InferredType.ListOf(InferredType.BINARY);
            case NS:
                return new InferredType.ListOf(value.ns().stream()
                        .map(AttributeTypes::ofNumber)
                        .reduce(InferredType.NULL, InferredType::union));
            case L:
                return ofList(value.l());
            case M:
                return ofMap(value.m());
            default:
                // A type newer than this SDK: show it as text rather than fail the table.
                return InferredType.MIXED;
        }
    }

    static InferredType ofNumber(String n)
    {
        BigDecimal number = new BigDecimal(n).stripTrailingZeros();
        if (number.scale() <= 0 && number.compareTo(LONG_MIN) >= 0 && number.compareTo(LONG_MAX) <= 0) {
            return InferredType.INTEGRAL;
        }
        int scale = Math.max(0, number.scale());
        int integerDigits = Math.max(1, number.precision() - number.scale());
        return new InferredType.Decimal(integerDigits, scale);
    }

    private static InferredType ofList(List<AttributeValue> values)
    {
        InferredType element = InferredType.NULL;
        for (AttributeValue v : values) {
            element = InferredType.union(element, of(v));
            if (element instanceof InferredType.Mixed) {
                return InferredType.MIXED;
            }
        }
        return new InferredType.ListOf(element);
    }

    private static InferredType ofMap(Map<String, AttributeValue> values)
    {
        TreeMap<String, InferredType> fields = new TreeMap<>();
        values.forEach((k, v) -> fields.put(k, of(v)));
        return new InferredType.Struct(fields);
    }
}
