package io.github.athenaddb.ddb.plan;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * How a query reads its table, and why ({@link #reason()}, shown in logs and explain). Every
 * plan reads a superset of the matching items; the record reader checks each item against the
 * query's constraints, so a plan decides the cost, never the rows.
 */
public sealed interface AccessPlan
{
    String reason();

    /**
     * The case for this kind of plan, applied to it: every kind must be handled, and a new kind
     * fails to compile where it is not (Java 17 has no pattern switch over sealed types).
     */
    <R> R match(Function<GetItems, R> getItems, Function<Queries, R> queries, Function<Scan, R> scan);

    /** GetItem / BatchGetItem of fully specified primary keys. */
    record GetItems(List<Map<String, AttributeValue>> keys, String reason) implements AccessPlan
    {
        public GetItems
        {
            keys = List.copyOf(keys);
        }

        @Override
        public <R> R match(Function<GetItems, R> getItems, Function<Queries, R> queries, Function<Scan, R> scan)
        {
            return getItems.apply(this);
        }
    }

    /**
     * One Query per key condition (one split each), on the table or an index.
     *
     * @param indexAttributes the attributes a KEYS_ONLY or INCLUDE index holds (empty: every
     *         attribute, the table or an ALL index); a read needing others fetches the items from the table
     * @param missing for a top-N on the sort key of a sparse index: how the matching items the index
     *         lacks are read (the Queries and that read are then one split)
     */
    record Queries(Optional<String> index, List<KeyCondition> conditions, Optional<Set<String>> indexAttributes, String reason,
                   Optional<MissingSortKeys> missing)
            implements AccessPlan
    {
        public Queries
        {
            conditions = List.copyOf(conditions);
            indexAttributes = indexAttributes.map(Set::copyOf);
            requireNonNull(missing, "missing is null");
            if (missing.isPresent() && index.isEmpty()) {
                throw new IllegalArgumentException("only an index lacks items: the table holds them all");
            }
        }

        public Queries(Optional<String> index, List<KeyCondition> conditions, Optional<Set<String>> indexAttributes, String reason)
        {
            this(index, conditions, indexAttributes, reason, Optional.empty());
        }

        public Queries(Optional<String> index, List<KeyCondition> conditions, String reason)
        {
            this(index, conditions, Optional.empty(), reason);
        }

        @Override
        public <R> R match(Function<GetItems, R> getItems, Function<Queries, R> queries, Function<Scan, R> scan)
        {
            return queries.apply(this);
        }
    }

    /**
     * A parallel Scan of the whole table.
     *
     * @param keyLookups when predicates fix a key but reading it would take more GetItem keys or
     *         Queries than max_key_lookups allows: the fewest it would take (so a message can say
     *         what to change); empty when no predicate fixes a usable key
     */
    record Scan(String reason, OptionalInt keyLookups) implements AccessPlan
    {
        public Scan(String reason)
        {
            this(reason, OptionalInt.empty());
        }

        @Override
        public <R> R match(Function<GetItems, R> getItems, Function<Queries, R> queries, Function<Scan, R> scan)
        {
            return scan.apply(this);
        }
    }
}
