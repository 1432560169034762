package io.github.athenaddb.ddb.plan;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a query reads its table, and why ({@link #reason()}, shown in logs and explain). Every
 * plan reads a superset of the matching items; the record reader checks each item against the
 * query's constraints, so a plan decides the cost, never the rows.
 */
public sealed interface AccessPlan
{
    String reason();

    /** GetItem / BatchGetItem of fully specified primary keys. */
    record GetItems(List<Map<String, AttributeValue>> keys, String reason) implements AccessPlan
    {
        public GetItems
        {
            keys = List.copyOf(keys);
        }
    }

    /** One Query per key condition (one split each), on the table or an index. */
    record Queries(Optional<String> index, List<KeyCondition> conditions, String reason) implements AccessPlan
    {
        public Queries
        {
            conditions = List.copyOf(conditions);
        }
    }

    /** A parallel Scan of the whole table. */
    record Scan(String reason) implements AccessPlan {}
}
