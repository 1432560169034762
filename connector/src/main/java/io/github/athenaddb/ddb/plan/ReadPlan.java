package io.github.athenaddb.ddb.plan;

import java.util.Optional;

/**
 * Everything planned for one table read: the access path, how a LIMIT stops it, and the
 * FilterExpression that keeps DynamoDB from returning items the query cannot use.
 */
public record ReadPlan(AccessPlan access, RowLimit limit, Optional<FilterCondition> filter)
{
    public String reason()
    {
        StringBuilder reason = new StringBuilder(access.reason());
        if (limit.limited()) {
            reason.append("; stops after ").append(limit.rows()).append(" row(s)").append(limit.oneSplit() ? " in one split" : " per split");
            if (!limit.forward()) {
                reason.append(", reading the sort key in descending order");
            }
        }
        filter.ifPresent(f -> reason.append("; FilterExpression ").append(f.expression()));
        return reason.toString();
    }
}
