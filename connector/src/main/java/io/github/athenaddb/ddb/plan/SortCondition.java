package io.github.athenaddb.ddb.plan;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Optional;

/**
 * The sort-key part of a key condition. A domain of several intervals is read as the span from
 * the lowest to the highest bound, and an exclusive end of a BETWEEN as inclusive: DynamoDB
 * then returns a superset, and the reader's own check of the query's constraints drops the rest.
 */
public record SortCondition(String attribute, Operator operator, AttributeValue value, Optional<AttributeValue> upper)
{
    public enum Operator { EQ, LT, LE, GT, GE, BETWEEN }

    /** The condition on {@code attribute} implied by {@code domain}, if it narrows anything. */
    public static Optional<SortCondition> from(String attribute, String dynamoType, ColumnDomain domain)
    {
        if (domain.intervals().isEmpty() || domain.allowsEveryValue()) {
            return Optional.empty();
        }
        ColumnDomain.Interval first = domain.intervals().get(0);
        ColumnDomain.Interval last = domain.intervals().get(domain.intervals().size() - 1);
        // DynamoDB orders S by UTF-8 bytes, the SDK's constraints by UTF-16 units; the orders differ only
        // for characters from U+D800 on, so a range bound holding one is dropped, and the range widens.
        boolean range = domain.intervals().size() > 1 || !first.isPoint();
        Optional<ColumnDomain.Bound> low = first.low().filter(b -> !range || ordersAlike(dynamoType, b.value()));
        Optional<ColumnDomain.Bound> high = last.high().filter(b -> !range || ordersAlike(dynamoType, b.value()));
        if (low.isEmpty() && high.isEmpty()) {
            // Disjoint intervals open at both ends (x <> v, NOT IN): their span is every value.
            return Optional.empty();
        }
        Optional<AttributeValue> lowValue = low.flatMap(b -> KeyValues.of(dynamoType, b.value()));
        Optional<AttributeValue> highValue = high.flatMap(b -> KeyValues.of(dynamoType, b.value()));
        if ((low.isPresent() && lowValue.isEmpty()) || (high.isPresent() && highValue.isEmpty())) {
            return Optional.empty();
        }
        if (domain.intervals().size() == 1 && first.isPoint()) {
            return Optional.of(new SortCondition(attribute, Operator.EQ, lowValue.orElseThrow(), Optional.empty()));
        }
        if (low.isPresent() && high.isPresent()) {
            return Optional.of(new SortCondition(attribute, Operator.BETWEEN, lowValue.orElseThrow(), highValue));
        }
        if (low.isPresent()) {
            return Optional.of(new SortCondition(attribute, low.get().inclusive() ? Operator.GE : Operator.GT, lowValue.orElseThrow(),
                    Optional.empty()));
        }
        return Optional.of(new SortCondition(attribute, high.get().inclusive() ? Operator.LE : Operator.LT, highValue.orElseThrow(),
                Optional.empty()));
    }

    static boolean ordersAlike(String dynamoType, Object value)
    {
        return !"S".equals(dynamoType) || !(value instanceof String text) || text.chars().allMatch(c -> c < Character.MIN_SURROGATE);
    }
}
