package io.github.athenaddb.jdbc;

import io.github.athenaddb.ConnectorConfig;

import java.util.Map;

/**
 * The JDBC catalogs' read settings, validated when the Lambda starts.
 *
 * @param splitRows rows per split above which a table with a single-column integer primary key
 *        is read in key ranges ({@code jdbc_split_rows}, default 500,000)
 * @param maxSplits the most splits one table read gets ({@code jdbc_max_splits}, default 32)
 * @param queryPassthrough whether {@code system.query} runs native SQL ({@code
 *        jdbc_query_passthrough}, default false: a statement is run as the connection's user)
 */
public record JdbcOptions(int splitRows, int maxSplits, boolean queryPassthrough)
{
    public static final String SPLIT_ROWS = "jdbc_split_rows";
    public static final String MAX_SPLITS = "jdbc_max_splits";
    public static final String QUERY_PASSTHROUGH = "jdbc_query_passthrough";

    public static final JdbcOptions DEFAULTS = new JdbcOptions(500_000, 32, false);

    public static JdbcOptions fromConfig(Map<String, String> env)
    {
        return new JdbcOptions(
                ConnectorConfig.parseInt(SPLIT_ROWS, env.getOrDefault(SPLIT_ROWS, Integer.toString(DEFAULTS.splitRows())), 1, Integer.MAX_VALUE),
                ConnectorConfig.parseInt(MAX_SPLITS, env.getOrDefault(MAX_SPLITS, Integer.toString(DEFAULTS.maxSplits())), 1, 10_000),
                ConnectorConfig.parseBoolean(QUERY_PASSTHROUGH, env.getOrDefault(QUERY_PASSTHROUGH, "false")));
    }
}
