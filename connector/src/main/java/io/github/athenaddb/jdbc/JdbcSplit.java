package io.github.athenaddb.jdbc;

import com.amazonaws.athena.connector.lambda.domain.Split;
import io.github.athenaddb.ConnectorException;

import java.util.Map;
import java.util.Optional;

/**
 * What one split reads: the table itself or one of its partitions, whole or within a key range.
 * It travels in the split's properties, so any Lambda instance can read it.
 */
public record JdbcSplit(TableStats.TableRef table, Optional<SplitRange> range)
{
    static final String SCHEMA = "jdbc.split.schema";
    static final String TABLE = "jdbc.split.table";
    static final String RANGE_COLUMN = "jdbc.split.rangeColumn";
    static final String RANGE_LOW = "jdbc.split.rangeLow";
    static final String RANGE_HIGH = "jdbc.split.rangeHigh";

    public static JdbcSplit whole(TableStats.TableRef table)
    {
        return new JdbcSplit(table, Optional.empty());
    }

    public Split.Builder addTo(Split.Builder builder)
    {
        builder.add(SCHEMA, table.schema()).add(TABLE, table.table());
        range.ifPresent(r -> builder.add(RANGE_COLUMN, r.column()).add(RANGE_LOW, Long.toString(r.low()))
                .add(RANGE_HIGH, Long.toString(r.high())));
        return builder;
    }

    /** The split's part of the table; a split without these properties (an older planner's) reads {@code table} whole. */
    public static JdbcSplit from(Map<String, String> properties, TableStats.TableRef table)
    {
        TableStats.TableRef target = properties.containsKey(TABLE)
                ? new TableStats.TableRef(properties.getOrDefault(SCHEMA, table.schema()), properties.get(TABLE))
                : table;
        if (!properties.containsKey(RANGE_COLUMN)) {
            return new JdbcSplit(target, Optional.empty());
        }
        try {
            return new JdbcSplit(target, Optional.of(new SplitRange(properties.get(RANGE_COLUMN),
                    Long.parseLong(properties.get(RANGE_LOW)), Long.parseLong(properties.get(RANGE_HIGH)))));
        }
        catch (RuntimeException e) {
            throw ConnectorException.invalidInput("The split of table " + table.schema() + "." + table.table()
                    + " has an invalid key range: " + properties.get(RANGE_LOW) + " to " + properties.get(RANGE_HIGH));
        }
    }
}
