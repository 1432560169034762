package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.metadata.GetDataSourceCapabilitiesRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetDataSourceCapabilitiesResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetTableRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesResponse;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.OptimizationSubType;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsResponse;
import com.amazonaws.athena.connector.lambda.records.RecordResponse;
import com.amazonaws.athena.connector.lambda.records.RemoteReadRecordsResponse;
import com.amazonaws.athena.connector.lambda.security.FederatedIdentity;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The calls Athena makes to a federation source, in its order and with its arguments: schemas,
 * tables page by page, a table's schema, the declared capabilities, layout and splits
 * (following continuation tokens), and records per split.
 */
public final class FederationSource
        implements AutoCloseable
{
    /** Tables asked for per ListTables call; the source's next token leads to the following page. */
    static final int TABLES_PAGE_SIZE = 1000;
    // Connectors read the account and tags for access decisions; Trino runs outside an AWS account.
    static final FederatedIdentity IDENTITY = new FederatedIdentity("arn:aws:iam::000000000000:user/trino", "000000000000",
            Map.of(), List.of(), Map.of());

    private final FederationClient client;
    private final String catalog;
    private final ReadSizes readSizes;
    private final SpillReader spillReader;
    private final FederationListener listener;
    private volatile Map<String, List<OptimizationSubType>> capabilities;

    public FederationSource(FederationClient client, String catalog)
    {
        this(client, catalog, ReadSizes.IN_PROCESS, AwsSettings.defaults(), FederationListener.NONE);
    }

    public FederationSource(FederationClient client, String catalog, ReadSizes readSizes, AwsSettings aws, FederationListener listener)
    {
        this.listener = requireNonNull(listener, "listener is null");
        this.client = requireNonNull(client, "client is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.readSizes = requireNonNull(readSizes, "readSizes is null");
        this.spillReader = new SpillReader(aws, client.allocator());
    }

    public FederationClient client()
    {
        return client;
    }

    /** The catalog name every request carries. */
    public String catalog()
    {
        return catalog;
    }

    public List<String> listSchemas(String queryId)
    {
        ListSchemasResponse response = client.call(new ListSchemasRequest(IDENTITY, queryId, catalog), ListSchemasResponse.class);
        return List.copyOf(response.getSchemas());
    }

    public List<TableName> listTables(String queryId, String schema)
    {
        List<TableName> tables = new ArrayList<>();
        String token = null;
        do {
            ListTablesResponse page = client.call(new ListTablesRequest(IDENTITY, queryId, catalog, schema, token, TABLES_PAGE_SIZE),
                    ListTablesResponse.class);
            tables.addAll(page.getTables());
            token = page.getNextToken();
        }
        while (token != null);
        return tables;
    }

    public GetTableResponse getTable(String queryId, TableName table)
    {
        return client.call(new GetTableRequest(IDENTITY, queryId, catalog, table, Map.of()), GetTableResponse.class);
    }

    /** What the source declares it evaluates itself (e.g. {@code supports_limit_pushdown}); asked once. */
    public Map<String, List<OptimizationSubType>> capabilities(String queryId)
    {
        Map<String, List<OptimizationSubType>> known = capabilities;
        if (known == null) {
            GetDataSourceCapabilitiesResponse response = client.call(new GetDataSourceCapabilitiesRequest(IDENTITY, queryId, catalog),
                    GetDataSourceCapabilitiesResponse.class);
            known = Map.copyOf(response.getCapabilities());
            capabilities = known;
        }
        return known;
    }

    /** GetTableLayout, then GetSplits until the source gives no continuation token. */
    public List<Split> splits(String queryId, TableName table, Schema schema, Set<String> partitionColumns, Constraints constraints)
    {
        GetTableLayoutResponse layout = client.call(new GetTableLayoutRequest(IDENTITY, queryId, catalog, table, constraints, schema,
                partitionColumns), GetTableLayoutResponse.class);
        try {
            List<Split> splits = new ArrayList<>();
            String token = null;
            do {
                GetSplitsResponse response = client.call(new GetSplitsRequest(IDENTITY, queryId, catalog, table, layout.getPartitions(),
                        List.copyOf(partitionColumns), constraints, token), GetSplitsResponse.class);
                splits.addAll(response.getSplits());
                token = response.getContinuationToken();
            }
            while (token != null);
            listener.splitsPlanned(queryId, catalog, table, schema, constraints, List.copyOf(splits));
            return splits;
        }
        finally {
            FederationClient.close(layout);
        }
    }

    /** ReadRecords for one split: inline records, or a spilled response ({@link #readSpilled}); the caller closes it. */
    public RecordResponse readRecords(String queryId, TableName table, Schema schema, Split split, Constraints constraints)
    {
        RecordResponse response = client.call(new ReadRecordsRequest(IDENTITY, catalog, queryId, table, schema, split, constraints,
                readSizes.maxBlockBytes(), readSizes.maxInlineBlockBytes()), RecordResponse.class);
        listener.splitRead(queryId, catalog, table);
        if (response instanceof ReadRecordsResponse inline) {
            listener.rowsReturned(queryId, catalog, table, inline.getRecordCount());
        }
        return response;
    }

    /** The blocks a source spilled to S3 for one split, in order; each is closed after {@code consumer} ran. */
    public void readSpilled(String queryId, TableName table, RemoteReadRecordsResponse response, Consumer<Block> consumer)
    {
        spillReader.read(response, block -> {
            listener.rowsReturned(queryId, catalog, table, block.getRowCount());
            consumer.accept(block);
        });
    }

    @Override
    public void close()
    {
        spillReader.close();
        client.close();
    }
}
