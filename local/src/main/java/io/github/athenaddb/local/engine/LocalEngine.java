package io.github.athenaddb.local.engine;

import io.github.athenaddb.devkit.AthenaSequence;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.schema.impl.TableFunctionImpl;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The local stand-in for Athena: Calcite plans and runs the SQL; every table is a connector's,
 * mounted as {@code "lambda:NAME"} and {@code NAME}, and read only through the Lambda wire.
 */
public final class LocalEngine
        implements AutoCloseable
{
    private final Connection connection;
    private final StatementStats stats = new StatementStats();
    private final List<SourceCatalog> catalogs = new ArrayList<>();
    private final boolean pushdown;

    /** @param sources connectors by data-source name ({@code ddb}), each reached through its wire */
    public LocalEngine(Map<String, AthenaSequence> sources, EngineOptions options)
    {
        this.pushdown = options.pushdown();
        try {
            Properties props = new Properties();
            props.setProperty("caseSensitive", "false");
            props.setProperty("unquotedCasing", "TO_LOWER");
            props.setProperty("quotedCasing", "UNCHANGED");
            props.setProperty("quoting", "DOUBLE_QUOTE");
            props.setProperty("conformance", "LENIENT");
            props.setProperty("fun", "standard,postgresql,oracle");
            // Athena (Trino) puts NULLs last in ORDER BY whatever the direction; Calcite's default puts them first for DESC.
            props.setProperty("defaultNullCollation", "LAST");
            connection = DriverManager.getConnection("jdbc:calcite:", props);
            SchemaPlus root = connection.unwrap(CalciteConnection.class).getRootSchema();
            root.add("date_trunc", ScalarFunctionImpl.create(AthenaFunctions.class, "dateTrunc"));
            root.add("date_add", ScalarFunctionImpl.create(AthenaFunctions.class, "dateAdd"));
            root.add("from_iso8601_timestamp", ScalarFunctionImpl.create(AthenaFunctions.class, "fromIso8601Timestamp"));
            SchemaPlus system = root.add("system", new AbstractSchema());
            system.add("query", TableFunctionImpl.create(PassthroughFunction.class, "query"));
            sources.forEach((name, sequence) -> {
                SourceCatalog catalog = new SourceCatalog(name, sequence, options, stats);
                catalogs.add(catalog);
                root.add("lambda:" + name, catalog);
                root.add(name, catalog);
            });
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not start the SQL engine: " + e.getMessage(), e);
        }
    }

    public QueryResult execute(String sql)
            throws SQLException
    {
        stats.reset();
        catalogs.forEach(SourceCatalog::newStatement);
        long start = System.nanoTime();
        // system.query(...) runs against the first mounted connector, as Athena runs it against the current catalog.
        PassthroughFunction.begin(catalogs.get(0));
        try (Hook.Closeable limits = limitPushdown();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(AthenaDialect.toCalcite(sql))) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
                types.add(meta.getColumnTypeName(i).toLowerCase(Locale.ROOT));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(plain(rs.getObject(i)));
                }
                rows.add(row);
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            return new QueryResult(columns, types, rows, wall, sourceStats());
        }
        finally {
            PassthroughFunction.end();
        }
    }

    public String explain(String sql)
            throws SQLException
    {
        PassthroughFunction.begin(catalogs.get(0));
        try (Hook.Closeable limits = limitPushdown()) {
            return new PlanExplainer(connection).explain(AthenaDialect.toCalcite(sql));
        }
        finally {
            PassthroughFunction.end();
        }
    }

    /** Limits (and their ORDER BY) go to the connector with the constraints, so {@code --no-pushdown} sends neither. */
    private Hook.Closeable limitPushdown()
    {
        return pushdown ? LimitPushdown.install() : Hook.Closeable.EMPTY;
    }

    /**
     * One entry per table read, however many times the statement reads it (a self-join reads
     * twice): DynamoDB's requests are counted per table, so they cannot be split between reads.
     */
    private List<QueryResult.SourceStats> sourceStats()
    {
        Map<String, QueryResult.SourceStats> byTable = new LinkedHashMap<>();
        // Requests are counted per DynamoDB table: two views of one table show them on the first.
        Map<String, String> meteredBy = new HashMap<>();
        for (SourceScan scan : stats.scans()) {
            String key = scan.catalog() + "." + scan.schema() + "." + scan.table();
            QueryResult.SourceStats previous = byTable.get(key);
            List<String> pushed = new ArrayList<>();
            List<ScanLimit> limits = new ArrayList<>();
            int splits = scan.splits();
            long rows = scan.rowsReturned();
            if (previous != null) {
                splits += previous.splits();
                rows += previous.rowsReturned();
                pushed.addAll(previous.pushedPerRead());
                limits.addAll(previous.limitPerRead());
            }
            pushed.add(String.join(" AND ", scan.pushedConstraints().values()));
            limits.add(scan.limit());
            String metered = PassthroughFunction.SCHEMA.equals(scan.schema()) ? DynamoDbRequestMeter.PASSTHROUGH : scan.dynamoTable();
            String owner = meteredBy.computeIfAbsent(scan.catalog() + "/" + metered.toLowerCase(java.util.Locale.ROOT), m -> key);
            DynamoDbRequestMeter.TableUsage usage = owner.equals(key) ? DynamoDbRequestMeter.usage(metered) : new DynamoDbRequestMeter.TableUsage();
            byTable.put(key, new QueryResult.SourceStats(scan.catalog(), scan.schema(), scan.table(), splits, usage.requests(),
                    usage.rcu(), usage.itemsScanned(), rows, pushed, limits, lossy(previous, scan)));
        }
        return new ArrayList<>(byTable.values());
    }

    private static List<String> lossy(QueryResult.SourceStats previous, SourceScan scan)
    {
        java.util.Set<String> columns = new java.util.LinkedHashSet<>(previous == null ? List.of() : previous.lossyColumns());
        columns.addAll(scan.lossyColumns());
        return List.copyOf(columns);
    }

    private static Object plain(Object value)
            throws SQLException
    {
        if (value instanceof Array array) {
            List<Object> out = new ArrayList<>();
            for (Object o : (Object[]) array.getArray()) {
                out.add(plain(o));
            }
            return out;
        }
        if (value instanceof Struct struct) {
            return Arrays.asList(struct.getAttributes());
        }
        if (value instanceof Object[] values) {
            List<Object> out = new ArrayList<>();
            for (Object o : values) {
                out.add(plain(o));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                out.add(plain(o));
            }
            return out;
        }
        return value;
    }

    @Override
    public void close()
            throws SQLException
    {
        connection.close();
    }
}
