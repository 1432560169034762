package io.github.athenaddb.ddb;

import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.plan.ColumnDomain;
import io.github.athenaddb.ddb.plan.ColumnDomains;
import io.github.athenaddb.ddb.plan.EntityDomains;
import io.github.athenaddb.ddb.plan.QueryConstraints;
import io.github.athenaddb.ddb.plan.ReadFidelity;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Athena's constraints, LIMIT and ORDER BY in the read planner's terms: domains on stored values
 * by DynamoDB attribute ({@link ReadFidelity}), and an ORDER BY only on a key whose column orders as
 * its stored values do. The column types come with the ValueSets; for the ORDER BY, GetTableLayout
 * records which keys qualify ({@link #layoutMetadata}), since GetSplits receives no column types.
 */
final class PlannerConstraints
{
    static final String STORED_ORDER_KEY = "ddb.keysInStoredOrder";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlannerConstraints() {}

    /** The key attributes (of the table or an index) whose column in {@code schema} reads in the stored order. */
    static Map<String, String> layoutMetadata(Schema schema, TableSchemaMetadata metadata)
    {
        Map<String, String> keyTypes = new HashMap<>();
        metadata.table().attributeTypes().values().forEach(k -> keyTypes.put(k.name(), k.type()));
        metadata.table().keyAttributes().forEach(k -> keyTypes.put(k.name(), k.type()));
        Set<String> ordered = new TreeSet<>();
        for (Field field : schema.getFields()) {
            String attribute = metadata.attributeFor(field.getName());
            String keyType = keyTypes.get(attribute);
            if (keyType != null && !metadata.isNested(field.getName()) && ReadFidelity.of(field.getType()).readsInStoredOrder(keyType)) {
                ordered.add(attribute);
            }
        }
        try {
            return Map.of(STORED_ORDER_KEY, JSON.writeValueAsString(ordered));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize key names", e);
        }
    }

    static QueryConstraints of(TableSchemaMetadata metadata, Constraints constraints, Map<String, String> layoutMetadata)
    {
        Map<String, ColumnDomain> domains = new HashMap<>();
        if (constraints == null) {
            metadata.entity().ifPresent(e -> domains.putAll(EntityDomains.of(e)));
            return QueryConstraints.of(domains);
        }
        if (constraints.getSummary() != null) {
            constraints.getSummary().forEach((column, values) -> {
                // A flattened column's values are inside a map: the engine and the reader check them, DynamoDB cannot key on them.
                if (!metadata.isNested(column)) {
                    ColumnDomains.from(values).flatMap(ReadFidelity.of(values.getType())::storedDomain)
                            .ifPresent(d -> domains.put(metadata.attributeFor(column), d));
                }
            });
        }
        // An entity view's predicate narrows the read like a WHERE clause; the query's own domain on the
        // same attribute is kept (both are checked on every item).
        metadata.entity().ifPresent(e -> EntityDomains.of(e).forEach(domains::putIfAbsent));
        List<QueryConstraints.SortItem> orderBy = new ArrayList<>();
        if (constraints.getOrderByClause() != null) {
            for (OrderByField field : constraints.getOrderByClause()) {
                orderBy.add(new QueryConstraints.SortItem(metadata.attributeFor(field.getColumnName()),
                        field.getDirection().isAscending(), field.getDirection().isNullsFirst()));
            }
        }
        long limit = constraints.hasLimit() ? constraints.getLimit() : QueryConstraints.NO_LIMIT;
        if (!orderBy.isEmpty() && !keysInStoredOrder(layoutMetadata).contains(orderBy.get(0).attribute())) {
            // Read in key order, the first N items would not be the first N rows (numbers read as text,
            // dates parsed from text): the split reads every item, and Athena sorts and cuts.
            return QueryConstraints.of(domains);
        }
        return new QueryConstraints(domains, limit, orderBy);
    }

    private static Set<String> keysInStoredOrder(Map<String, String> layoutMetadata)
    {
        String keys = layoutMetadata.get(STORED_ORDER_KEY);
        if (keys == null) {
            return Set.of();
        }
        try {
            return JSON.readValue(keys, new TypeReference<Set<String>>() {});
        }
        catch (JsonProcessingException e) {
            throw ConnectorException.invalidInput("The partitions sent to GetSplits carry a malformed " + STORED_ORDER_KEY
                    + "; send the partitions GetTableLayout returned unchanged.");
        }
    }

    /** A LIMIT with an ORDER BY is a top-N: Athena sorts and cuts, so every row is read. */
    static OptionalLong plainLimit(Constraints constraints)
    {
        boolean plain = constraints != null && constraints.hasLimit()
                && (constraints.getOrderByClause() == null || constraints.getOrderByClause().isEmpty());
        return plain ? OptionalLong.of(constraints.getLimit()) : OptionalLong.empty();
    }
}
