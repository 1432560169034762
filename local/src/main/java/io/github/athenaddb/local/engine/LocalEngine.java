package io.github.athenaddb.local.engine;

import io.github.athenaddb.ddb.export.ExportManifest;
import io.github.athenaddb.trino.FederationSessionProperties;
import io.trino.spi.eventlistener.EventListener;
import io.trino.spi.eventlistener.QueryCompletedEvent;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The local stand-in for Athena: Trino's engine (Athena engine v3) in this JVM, with the connector
 * behind the Trino connector as {@code ddb} and {@code "lambda:ddb"} (and each JDBC source), read
 * only through the Lambda wire. Statements go over Trino's client protocol, as from any client;
 * what each asked of the connector comes from the Trino connector ({@link ReadLog}), what it cost
 * in DynamoDB from the AWS SDK ({@link DynamoDbRequestMeter}).
 */
public final class LocalEngine
        implements AutoCloseable
{
    /** The schema a passthrough query's result is read from (system.query), whose requests are ExecuteStatement's. */
    private static final String PASSTHROUGH_SCHEMA = "system";

    private final LocalTrino trino;
    private final ReadLog reads;
    private final ClientStatements client;
    private volatile long[] splitsAtStart = {0, 0};

    private LocalEngine(LocalTrino trino, ReadLog reads)
    {
        this.trino = requireNonNull(trino, "trino is null");
        this.reads = reads;
        this.client = new ClientStatements(trino.baseUrl(), LocalCatalogs.DYNAMODB_CATALOG, "default");
    }

    /** Starts Trino's engine with the catalogs, on a free loopback port. */
    public static LocalEngine start(LocalCatalogs catalogs, EngineOptions options)
    {
        return start(catalogs, options, 0);
    }

    /** @param port 0 for any free port */
    public static LocalEngine start(LocalCatalogs catalogs, EngineOptions options, int port)
    {
        EngineLogs.quiet(false, options.debug());
        ReadLog reads = new ReadLog();
        return new LocalEngine(LocalTrino.start(catalogs, port, reads), reads);
    }

    /**
     * A server for other clients (serve): each query's stats, as {@link #execute} returns them, go
     * to {@code completed} when it ends, rows empty, with its id and client. DynamoDB's requests are counted per table since
     * the previous query ended, so queries that overlap share them.
     */
    public static LocalEngine serve(LocalCatalogs catalogs, EngineOptions options, int port, Consumer<ServedQuery> completed)
    {
        EngineLogs.quiet(true, options.debug());
        ReadLog reads = new ReadLog();
        EventListener stats = new EventListener()
        {
            @Override
            public void queryCompleted(QueryCompletedEvent event)
            {
                String queryId = event.getMetadata().getQueryId();
                List<QueryResult.SourceStats> sources = sourceStats(reads.take(queryId));
                DynamoDbRequestMeter.reset();
                completed.accept(new ServedQuery(queryId, event.getContext().getSource(),
                        new QueryResult(List.of(), List.of(), List.of(), event.getStatistics().getWallTime().toMillis(), sources)));
            }
        };
        return new LocalEngine(LocalTrino.start(catalogs, port, reads, List.of(stats)), reads);
    }

    public URI baseUrl()
    {
        return trino.baseUrl();
    }

    public String jdbcUrl()
    {
        return trino.jdbcUrl();
    }

    /**
     * Runs one statement to its last row; a {@code USE} or {@code SET SESSION} carries over to the next.
     *
     * @throws QueryFailure when Trino fails the statement, with its message and error name
     */
    public QueryResult execute(String sql)
    {
        DynamoDbRequestMeter.reset();
        splitsAtStart = reads.splitCounts();
        long start = System.nanoTime();
        Rows rows = new Rows();
        String queryId = client.execute(sql, rows);
        long wall = (System.nanoTime() - start) / 1_000_000;
        return new QueryResult(rows.columns, rows.types, rows.values, wall, sourceStats(reads.take(queryId)));
    }

    /** How far the running statement is: {@code splits 3/8, 12,345 items scanned}. */
    public String progress()
    {
        long[] now = reads.splitCounts();
        long[] start = splitsAtStart;
        return String.format(Locale.ROOT, "splits %,d/%,d, %,d items scanned", now[0] - start[0], now[1] - start[1],
                DynamoDbRequestMeter.itemsScannedSoFar());
    }

    /** Cancels the statement being run (Ctrl-C in the shell): its {@link #execute} fails with CLIENT_ABORTED. */
    public void cancel()
    {
        client.cancel();
    }

    /**
     * Trino's plan of the statement, each read showing what goes to the connector; then, for a
     * query, the reads as the connector planned them with their splits. Reads no records: the
     * query runs with every catalog's {@code splits_only}, so each split returns no rows.
     */
    public String explain(String sql)
    {
        QueryResult plan = execute("EXPLAIN " + sql);
        StringBuilder out = new StringBuilder();
        plan.rows().forEach(row -> out.append(row.get(0)).append('\n'));
        if (ReadPlanText.isQuery(sql)) {
            Map<String, String> splitsOnly = new HashMap<>();
            trino.catalogs().forEach(catalog -> splitsOnly.put(catalog + "." + FederationSessionProperties.SPLITS_ONLY, "true"));
            String queryId = client.execute(sql, new Rows(), splitsOnly);
            out.append(ReadPlanText.of(reads.take(queryId).reads()));
        }
        return out.toString();
    }

    /**
     * One entry per table read, however many times the statement reads it (a self-join reads
     * twice): DynamoDB's requests are counted per table, so they cannot be split between reads.
     */
    private static List<QueryResult.SourceStats> sourceStats(ReadLog.QueryReads query)
    {
        Map<String, List<ReadLog.Read>> byTable = new LinkedHashMap<>();
        query.reads().forEach(read -> byTable.computeIfAbsent(ReadLog.key(read.catalog(), read.schema(), read.table()), k -> new ArrayList<>()).add(read));
        // Requests are counted per DynamoDB table: two views of one table show them on the first.
        Map<String, String> meteredBy = new HashMap<>();
        List<QueryResult.SourceStats> stats = new ArrayList<>();
        byTable.forEach((key, tableReads) -> {
            ReadLog.Read first = tableReads.get(0);
            String metered = first.schema().equals(PASSTHROUGH_SCHEMA) ? DynamoDbRequestMeter.PASSTHROUGH : first.dynamoTable();
            String owner = meteredBy.computeIfAbsent(first.catalog() + "/" + metered.toLowerCase(Locale.ROOT), m -> key);
            DynamoDbRequestMeter.TableUsage usage = owner.equals(key) ? DynamoDbRequestMeter.usage(metered) : new DynamoDbRequestMeter.TableUsage();
            Set<String> lossy = new LinkedHashSet<>();
            tableReads.forEach(read -> lossy.addAll(read.lossyColumns()));
            Map<String, Long> requests = new LinkedHashMap<>(usage.requests());
            // An export is read from S3 (its GetTable, GetSplits and data files), counted by the export's objects, once per export.
            first.export().map(ExportManifest::location)
                    .filter(export -> meteredBy.computeIfAbsent(first.catalog() + "/" + export.uri(), m -> key).equals(key))
                    .ifPresent(export -> requests.put("GetObject", DynamoDbRequestMeter.objectsRead(export.bucket(), export.prefix())));
            stats.add(new QueryResult.SourceStats(first.catalog(), first.schema(), first.table(),
                    tableReads.stream().mapToInt(ReadLog.Read::splits).sum(), requests, usage.rcu(), usage.itemsScanned(),
                    query.rowsByTable().getOrDefault(key, 0L), tableReads.stream().map(ReadLog.Read::pushed).toList(),
                    tableReads.stream().map(ReadLog.Read::limit).toList(), List.copyOf(lossy),
                    first.export().map(ExportManifest::exportTime)));
        });
        return stats;
    }

    @Override
    public void close()
    {
        client.close();
        trino.close();
    }

    /** A statement's result, collected. */
    private static final class Rows
            implements ResultOutput
    {
        private List<String> columns = List.of();
        private List<String> types = List.of();
        private final List<List<Object>> values = new ArrayList<>();

        @Override
        public void begin(List<String> names, List<String> columnTypes)
        {
            columns = List.copyOf(names);
            types = List.copyOf(columnTypes);
        }

        @Override
        public void row(List<Object> row)
        {
            values.add(row);
        }

        @Override
        public void end() {}
    }
}
