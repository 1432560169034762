package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One table scan of a statement: what was pushed to the connector (constraints, limit, order), and what came back. */
public final class SourceScan
{
    private final String catalog;
    private final String schema;
    private final String table;
    private final Map<String, String> pushedConstraints;
    private final ScanLimit limit;
    private final AtomicInteger splits = new AtomicInteger();
    private final AtomicLong rows = new AtomicLong();
    private volatile String dynamoTable;
    private volatile List<String> lossyColumns = List.of();

    SourceScan(String catalog, String schema, String table, Map<String, ValueSet> pushed, ScanLimit limit)
    {
        this.limit = limit;
        this.catalog = catalog;
        this.schema = schema;
        this.table = table;
        this.pushedConstraints = ConstraintText.describe(pushed);
    }

    public String catalog()
    {
        return catalog;
    }

    public String schema()
    {
        return schema;
    }

    public String table()
    {
        return table;
    }

    public Map<String, String> pushedConstraints()
    {
        return pushedConstraints;
    }

    /** The limit and order sent with the constraints; {@link ScanLimit#NONE} when none was. */
    public ScanLimit limit()
    {
        return limit;
    }

    public int splits()
    {
        return splits.get();
    }

    public long rowsReturned()
    {
        return rows.get();
    }

    void addSplits(int n)
    {
        splits.addAndGet(n);
    }

    /** The columns read that the connector marks lossy (field metadata ddb.lossy), as "name: note". */
    public List<String> lossyColumns()
    {
        return lossyColumns;
    }

    void readsLossyColumns(List<String> columns)
    {
        lossyColumns = List.copyOf(columns);
    }

    /** The DynamoDB table behind the read (a view's or an override's source table), whose requests are counted. */
    String dynamoTable()
    {
        return dynamoTable == null ? table : dynamoTable;
    }

    void readsDynamoTable(String name)
    {
        dynamoTable = name;
    }

    void addRows(long n)
    {
        rows.addAndGet(n);
    }
}
