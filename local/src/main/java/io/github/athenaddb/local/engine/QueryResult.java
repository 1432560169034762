package io.github.athenaddb.local.engine;

import java.util.List;
import java.util.Map;

/**
 * A statement's result and what it cost.
 *
 * @param columns column labels, lower-cased
 * @param types SQL type names of the columns
 * @param rows values: String, Long, BigDecimal, Boolean, byte[], List, Map, java.sql date/time
 */
public record QueryResult(List<String> columns, List<String> types, List<List<Object>> rows, long wallMillis, List<SourceStats> sources)
{
    /** Per table read: the stats contract of {@code --stats-json}. */
    public record SourceStats(String catalog, String schema, String table, int splits, Map<String, Long> requests,
                              double rcu, long itemsScanned, long rowsReturned, List<String> pushedPerRead) {}
}
