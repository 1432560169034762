package io.github.athenaddb.devkit;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetTableRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsResponse;
import com.amazonaws.athena.connector.lambda.records.RecordResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesResponse;
import com.amazonaws.athena.connector.lambda.security.FederatedIdentity;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;

import com.amazonaws.athena.connector.lambda.data.S3BlockSpillReader;
import com.amazonaws.athena.connector.lambda.domain.spill.S3SpillLocation;
import com.amazonaws.athena.connector.lambda.domain.spill.SpillLocation;
import com.amazonaws.athena.connector.lambda.records.RemoteReadRecordsResponse;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The calls Athena makes to scan a table: GetTable, GetTableLayout, GetSplits (until no
 * continuation token), then ReadRecords per split. Like Athena, it lower-cases the column
 * names of the schema it sends back.
 */
public final class AthenaSequence
{
    public static final String CATALOG = "ddb";
    public static final FederatedIdentity IDENTITY = new FederatedIdentity("arn:aws:iam::123456789012:user/test",
            "123456789012", Map.of(), List.of(), Map.of());
    /** Local runs have no Lambda response limit: a split's rows come back inline up to this size. */
    private static final long LOCAL_MAX_BLOCK = 512L * 1024 * 1024;

    private final LambdaWire wire;
    private final FederatedIdentity identity;
    private final String catalog;
    private final S3Client spillReader;
    private final long maxBlock;
    private final long maxInline;
    private final List<Integer> rowsPerSplit = new ArrayList<>();
    private final AtomicInteger spilledBlocks = new AtomicInteger();

    public AthenaSequence(LambdaWire wire)
    {
        this(wire, CATALOG);
    }

    public AthenaSequence(LambdaWire wire, String catalog)
    {
        this(wire, IDENTITY, catalog, null, LOCAL_MAX_BLOCK, LOCAL_MAX_BLOCK);
    }

    private AthenaSequence(LambdaWire wire, FederatedIdentity identity, String catalog, S3Client spillReader, long maxBlock, long maxInline)
    {
        this.wire = wire;
        this.identity = identity;
        this.catalog = catalog;
        this.spillReader = spillReader;
        this.maxBlock = maxBlock;
        this.maxInline = maxInline;
    }

    /**
     * Reads as Athena does under Lambda's response limit: blocks of at most {@code maxBlock}
     * bytes, a response inline only up to {@code maxInline}, anything more read back from the
     * connector's spill location through {@code s3}, decrypted with the split's key.
     */
    public AthenaSequence withSpill(S3Client s3, long maxBlock, long maxInline)
    {
        return new AthenaSequence(wire, identity, catalog, s3, maxBlock, maxInline);
    }

    /** Requests as from {@code identity} (its settings, forwarded credentials) rather than {@link #IDENTITY}. */
    public AthenaSequence withIdentity(FederatedIdentity identity)
    {
        return new AthenaSequence(wire, identity, catalog, spillReader, maxBlock, maxInline);
    }

    /** Blocks read back from S3 since this sequence was made. */
    public int spilledBlocks()
    {
        return spilledBlocks.get();
    }

    public List<String> listSchemas()
    {
        ListSchemasResponse response = wire.call(new ListSchemasRequest(identity, queryId(), catalog));
        return List.copyOf(response.getSchemas());
    }

    public List<String> listTables(String schema)
    {
        List<String> tables = new ArrayList<>();
        String token = null;
        do {
            ListTablesResponse page = wire.call(new ListTablesRequest(identity, queryId(), catalog, schema, token, 100));
            page.getTables().forEach(t -> tables.add(t.getTableName()));
            token = page.getNextToken();
        }
        while (token != null);
        return tables;
    }

    public GetTableResponse getTable(String table)
    {
        return getTable("default", table);
    }

    public GetTableResponse getTable(String schema, String table)
    {
        return wire.call(new GetTableRequest(identity, queryId(), catalog, new TableName(schema, table), Map.of()));
    }

    /** GetTable for {@code TABLE(system.query(...))}: Athena names the function and passes its arguments. */
    public GetTableResponse getPassthroughTable(Map<String, String> arguments)
    {
        return wire.call(new GetTableRequest(identity, queryId(), catalog, new TableName("system", "query"), arguments));
    }

    public List<Map<String, Object>> scan(String table)
    {
        return scan(table, Map.of());
    }

    public List<Map<String, Object>> scan(String table, Map<String, ValueSet> summary)
    {
        Schema schema = lowerCased(getTable(table).getSchema());
        return scan(table, schema, summary);
    }

    public List<Map<String, Object>> scan(String table, Schema schema, Map<String, ValueSet> summary)
    {
        Constraints constraints = new Constraints(summary, List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, Map.of(), null);
        List<Map<String, Object>> rows = new ArrayList<>();
        read("default", table, schema, constraints, 1, block -> rows.addAll(rows(block)));
        return rows;
    }

    /**
     * Every row of {@code schema.table} (all its columns) under {@code limit}, a plain LIMIT, which
     * the connector declares: Athena takes the rows as they come. {@link Constraints#DEFAULT_NO_LIMIT} for none.
     */
    public List<Map<String, Object>> readRows(String schema, String table, long limit)
    {
        Schema requestSchema = lowerCased(getTable(schema, table).getSchema());
        Constraints constraints = new Constraints(Map.of(), List.of(), List.of(), limit, Map.of(), null);
        List<Map<String, Object>> rows = new ArrayList<>();
        read(schema, table, requestSchema, constraints, 1, block -> rows.addAll(rows(block)));
        return rows;
    }

    /**
     * Reads a table as Athena does: layout, splits (following continuation tokens), then one
     * ReadRecords per split, {@code parallelism} at a time. Each returned block goes to
     * {@code blocks}, one at a time, and is closed afterwards.
     *
     * @return the number of splits read
     */
    public int read(String schema, String table, Schema requestSchema, Constraints constraints, int parallelism, Consumer<Block> blocks)
    {
        String queryId = queryId();
        TableName name = new TableName(schema, table);
        List<Split> splits = splits(queryId, name, requestSchema, constraints);
        synchronized (rowsPerSplit) {
            rowsPerSplit.clear();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, splits.size())));
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (Split split : splits) {
                reads.add(pool.submit(() -> readSplit(queryId, name, requestSchema, split, constraints, blocks)));
            }
            for (Future<?> read : reads) {
                await(read);
            }
        }
        finally {
            pool.shutdownNow();
        }
        return splits.size();
    }

    /** The splits Athena would read for these constraints: GetTableLayout and GetSplits only, no data. */
    public List<Split> splits(String schema, String table, Schema requestSchema, Constraints constraints)
    {
        return splits(queryId(), new TableName(schema, table), requestSchema, constraints);
    }

    private List<Split> splits(String queryId, TableName name, Schema requestSchema, Constraints constraints)
    {
        GetTableLayoutResponse layout = wire.call(new GetTableLayoutRequest(identity, queryId, catalog, name, constraints,
                requestSchema, Collections.emptySet()));
        List<Split> splits = new ArrayList<>();
        String token = null;
        do {
            GetSplitsResponse response = wire.call(new GetSplitsRequest(identity, queryId, catalog, name, layout.getPartitions(),
                    List.of(), constraints, token));
            splits.addAll(response.getSplits());
            token = response.getContinuationToken();
        }
        while (token != null);
        close(layout);
        return splits;
    }

    private void readSplit(String queryId, TableName name, Schema schema, Split split, Constraints constraints, Consumer<Block> blocks)
    {
        RecordResponse response = wire.call(new ReadRecordsRequest(identity, catalog, queryId, name, schema, split,
                constraints, maxBlock, maxInline));
        try {
            int rows = 0;
            if (response instanceof ReadRecordsResponse inline) {
                synchronized (blocks) {
                    blocks.accept(inline.getRecords());
                }
                rows = inline.getRecordCount();
            }
            else if (response instanceof RemoteReadRecordsResponse remote) {
                if (spillReader == null) {
                    throw new IllegalStateException("The connector spilled split results to S3, and this reader has no S3 client "
                            + "(AthenaSequence.withSpill) to read them back");
                }
                S3BlockSpillReader reader = new S3BlockSpillReader(spillReader, wire.allocator());
                for (SpillLocation location : remote.getRemoteBlocks()) {
                    Block block = reader.read((S3SpillLocation) location, remote.getEncryptionKey(), remote.getSchema());
                    try {
                        synchronized (blocks) {
                            blocks.accept(block);
                        }
                        rows += block.getRowCount();
                        spilledBlocks.incrementAndGet();
                    }
                    finally {
                        close(block);
                    }
                }
            }
            else {
                throw new IllegalStateException("unexpected ReadRecords response " + response.getClass().getSimpleName());
            }
            synchronized (rowsPerSplit) {
                rowsPerSplit.add(rows);
            }
        }
        finally {
            close(response);
        }
    }

    private static void close(AutoCloseable resource)
    {
        try {
            resource.close();
        }
        catch (Exception e) {
            throw new IllegalStateException("could not release a response's Arrow buffers", e);
        }
    }

    private static void await(Future<?> read)
    {
        try {
            read.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String queryId()
    {
        return UUID.randomUUID().toString();
    }

    /** Rows returned by each split of the last scan. */
    public List<Integer> lastRowsPerSplit()
    {
        synchronized (rowsPerSplit) {
            return List.copyOf(rowsPerSplit);
        }
    }

    public static Schema lowerCased(Schema schema)
    {
        List<Field> fields = new ArrayList<>();
        schema.getFields().forEach(f -> fields.add(lowerCased(f)));
        return new Schema(fields, schema.getCustomMetadata());
    }

    private static Field lowerCased(Field field)
    {
        List<Field> children = new ArrayList<>();
        field.getChildren().forEach(c -> children.add(lowerCased(c)));
        return new Field(field.getName().toLowerCase(Locale.ROOT), field.getFieldType(), children);
    }

    public static List<Map<String, Object>> rows(Block block)
    {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < block.getRowCount(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (FieldVector v : block.getFieldVectors()) {
                row.put(v.getField().getName(), plain(v.getObject(r)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Arrow's reader objects (Text, JsonStringHashMap...) as plain Java values for assertions. */
    public static Object plain(Object value)
    {
        if (value instanceof Text t) {
            return t.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), plain(v)));
            return out;
        }
        return value;
    }
}
