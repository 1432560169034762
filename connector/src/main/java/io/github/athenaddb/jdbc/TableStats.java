package io.github.athenaddb.jdbc;

import java.util.List;
import java.util.Optional;

/**
 * What the database says about a table before it is read, for choosing its splits.
 *
 * @param estimatedRows the planner's row estimate (PostgreSQL's reltuples, MySQL's TABLE_ROWS), or -1 when unknown
 * @param partitions the leaf partitions of a partitioned PostgreSQL table, empty otherwise
 * @param key the range of a single-column integer primary key, empty when there is none or the table is empty
 */
public record TableStats(long estimatedRows, List<TableRef> partitions, Optional<KeyRange> key)
{
    public TableStats
    {
        partitions = List.copyOf(partitions);
    }

    public static TableStats unknown()
    {
        return new TableStats(-1, List.of(), Optional.empty());
    }

    /** A table by its exact, unquoted schema and name. */
    public record TableRef(String schema, String table) {}

    /** The smallest and largest value of an integer primary-key column. */
    public record KeyRange(String column, long min, long max) {}
}
