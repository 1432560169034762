package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import io.github.athenaddb.CatalogRoutes;
import io.github.athenaddb.ddb.export.ExportManifest;
import io.github.athenaddb.ddb.export.ExportSchema;
import io.github.athenaddb.ddb.schema.ArrowFieldMapper;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import io.github.athenaddb.trino.FederationListener;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each query asked of the connector, told by the Trino connector as it makes the calls: per
 * read of a table, the constraints, limit and order sent and the splits returned; per table, the
 * rows returned. Kept by Trino's query id until {@link #take} hands them over.
 */
final class ReadLog
        implements FederationListener
{
    /**
     * One read of a table: GetTableLayout and GetSplits with these constraints.
     *
     * @param export the export an export table ({@code <table>$export}) reads, from its GetTable
     * @param planned the splits GetSplits returned
     */
    record Read(String catalog, String schema, String table, String pushed, ScanLimit limit, List<String> lossyColumns,
                String dynamoTable, Optional<ExportManifest> export, List<Split> planned)
    {
        int splits()
        {
            return planned.size();
        }

        /** What each split reads, from its properties ({@link SplitText}); only {@code explain} asks, so only it pays. */
        List<String> splitTexts()
        {
            return planned.stream().map(SplitText::describe).toList();
        }
    }

    /** A query's reads in the order they were planned, and the rows returned per table ({@code catalog.schema.table}). */
    record QueryReads(List<Read> reads, Map<String, Long> rowsByTable) {}

    private final Map<String, List<Read>> reads = new ConcurrentHashMap<>();
    // For a progress line while a statement runs: every query's splits, since the engine started.
    private final AtomicLong splitsPlanned = new AtomicLong();
    private final AtomicLong splitsRead = new AtomicLong();
    private final Map<String, Map<String, AtomicLong>> rows = new ConcurrentHashMap<>();

    @Override
    public void splitsPlanned(String queryId, String catalog, TableName table, Schema schema, Constraints constraints, List<Split> splits)
    {
        // By column name: the summary's order is Trino's, not the query's, and a stable one reads and tests better.
        String pushed = String.join(" AND ", new TreeMap<>(ConstraintText.describe(constraints.getSummary())).values());
        ScanLimit limit = constraints.hasLimit() ? new ScanLimit(constraints.getLimit(), constraints.getOrderByClause()) : ScanLimit.NONE;
        List<String> lossy = new ArrayList<>();
        for (Field field : schema.getFields()) {
            String note = field.getMetadata() == null ? null : field.getMetadata().get(ArrowFieldMapper.LOSSY_METADATA);
            if (note != null) {
                lossy.add(field.getName() + ": " + note);
            }
        }
        Read read = new Read(CatalogRoutes.catalogKey(catalog), table.getSchemaName(), table.getTableName(), pushed, limit, lossy,
                dynamoTable(schema).orElse(table.getTableName()), ExportSchema.export(schema.getCustomMetadata()),
                List.copyOf(splits));
        reads.computeIfAbsent(queryId, id -> Collections.synchronizedList(new ArrayList<>())).add(read);
        splitsPlanned.addAndGet(splits.size());
    }

    @Override
    public void splitRead(String queryId, String catalog, TableName table)
    {
        splitsRead.incrementAndGet();
    }

    /** Splits read and planned so far, since the engine started: a statement's progress is the difference from its start. */
    long[] splitCounts()
    {
        return new long[] {splitsRead.get(), splitsPlanned.get()};
    }

    @Override
    public void rowsReturned(String queryId, String catalog, TableName table, long count)
    {
        rows.computeIfAbsent(queryId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(key(CatalogRoutes.catalogKey(catalog), table.getSchemaName(), table.getTableName()), k -> new AtomicLong())
                .addAndGet(count);
    }

    /** The query's reads, forgotten here. */
    QueryReads take(String queryId)
    {
        List<Read> taken = reads.remove(queryId);
        Map<String, AtomicLong> counted = rows.remove(queryId);
        Map<String, Long> byTable = new LinkedHashMap<>();
        if (counted != null) {
            counted.forEach((table, n) -> byTable.put(table, n.get()));
        }
        return new QueryReads(taken == null ? List.of() : List.copyOf(taken), byTable);
    }

    static String key(String catalog, String schema, String table)
    {
        return catalog + "." + schema + "." + table;
    }

    /** The DynamoDB table behind the read (a view's or an override's source table), whose requests are counted. */
    private static Optional<String> dynamoTable(Schema schema)
    {
        try {
            return Optional.of(TableSchemaMetadata.fromSchemaMetadata(schema.getCustomMetadata(), "").table().name());
        }
        catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
