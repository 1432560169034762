package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.Split;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.plan.KeyCondition;
import io.github.athenaddb.ddb.plan.KeyJson;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * What one split reads, carried in the split's properties so that any Lambda instance can run
 * it without planning again: a Scan segment, one Query, or a set of primary keys.
 */
public sealed interface ReadSplit
        permits ScanSplit, ReadSplit.QuerySplit, ReadSplit.KeysSplit, ReadSplit.PartiqlSplit
{
    String KIND = "ddb.kind";
    String INDEX = "ddb.index";
    String KEY_CONDITIONS = "ddb.keyConditions";
    String INDEX_ATTRIBUTES = "ddb.indexAttributes";
    String KEYS = "ddb.keys";
    String STATEMENT = "ddb.statement";

    String table();

    Split.Builder addTo(Split.Builder split);

    /** Queries run one after the other in one split (one Query per split, unless a LIMIT needs them together). */
    /** @param indexAttributes what a KEYS_ONLY or INCLUDE index holds; empty for the table or an ALL index */
    record QuerySplit(String table, Optional<String> index, List<KeyCondition> conditions, Optional<Set<String>> indexAttributes)
            implements ReadSplit
    {
        public QuerySplit
        {
            requireNonNull(table, "table is null");
            requireNonNull(index, "index is null");
            conditions = List.copyOf(conditions);
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("a Query split needs a key condition");
            }
            indexAttributes = indexAttributes.map(Set::copyOf);
        }

        public QuerySplit(String table, Optional<String> index, KeyCondition condition)
        {
            this(table, index, List.of(condition), Optional.empty());
        }

        @Override
        public Split.Builder addTo(Split.Builder split)
        {
            split.add(KIND, "QUERY").add(ScanSplit.TABLE, table).add(KEY_CONDITIONS, KeyJson.writeConditions(conditions));
            index.ifPresent(i -> split.add(INDEX, i));
            indexAttributes.ifPresent(a -> split.add(INDEX_ATTRIBUTES, KeyJson.writeNames(new TreeSet<>(a))));
            return split;
        }
    }

    record KeysSplit(String table, List<Map<String, AttributeValue>> keys) implements ReadSplit
    {
        public KeysSplit
        {
            requireNonNull(table, "table is null");
            keys = List.copyOf(keys);
        }

        @Override
        public Split.Builder addTo(Split.Builder split)
        {
            return split.add(KIND, "GET").add(ScanSplit.TABLE, table).add(KEYS, KeyJson.writeKeys(keys));
        }
    }

    /** A passthrough PartiQL SELECT, run as written. */
    record PartiqlSplit(String table, String statement) implements ReadSplit
    {
        public PartiqlSplit
        {
            requireNonNull(table, "table is null");
            requireNonNull(statement, "statement is null");
        }

        @Override
        public Split.Builder addTo(Split.Builder split)
        {
            return split.add(KIND, "PARTIQL").add(ScanSplit.TABLE, table).add(STATEMENT, statement);
        }
    }

    static ReadSplit from(Split split)
    {
        String kind = Optional.ofNullable(split.getProperty(KIND)).orElse("SCAN");
        String table = split.getProperty(ScanSplit.TABLE);
        try {
            return switch (kind) {
                case "SCAN" -> ScanSplit.from(split);
                case "QUERY" -> new QuerySplit(table, Optional.ofNullable(split.getProperty(INDEX)),
                        KeyJson.readConditions(required(split, KEY_CONDITIONS)),
                        Optional.ofNullable(split.getProperty(INDEX_ATTRIBUTES)).map(KeyJson::readNames));
                case "GET" -> new KeysSplit(table, KeyJson.readKeys(required(split, KEYS)));
                case "PARTIQL" -> new PartiqlSplit(table, required(split, STATEMENT));
                default -> throw ConnectorException.invalidInput("Unknown split kind '" + kind + "'; send splits as GetSplits returned them");
            };
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw ConnectorException.invalidInput("The split is not valid (" + e.getMessage() + "); send splits as GetSplits returned them");
        }
    }

    private static String required(Split split, String property)
    {
        String value = split.getProperty(property);
        if (value == null) {
            throw new IllegalArgumentException("missing " + property);
        }
        return value;
    }
}
