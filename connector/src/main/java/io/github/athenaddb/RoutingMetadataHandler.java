package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
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
import io.github.athenaddb.handler.MetadataSource;

import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One Lambda, several sources: a request for a catalog that has a JDBC connection configured
 * goes to that catalog's handler, any other to DynamoDB's. Athena names the catalog in every
 * request ({@code "lambda:rds"} or {@code rds}).
 */
public final class RoutingMetadataHandler
        implements MetadataSource
{
    private final MetadataSource dynamo;
    private final Map<String, ? extends MetadataSource> byCatalog;

    public RoutingMetadataHandler(MetadataSource dynamo, Map<String, ? extends MetadataSource> byCatalog)
    {
        this.dynamo = requireNonNull(dynamo, "dynamo is null");
        this.byCatalog = Map.copyOf(byCatalog);
    }

    /** The catalog as configured: without Athena's "lambda:" prefix, lower-cased. */
    public static String catalogKey(String catalogName)
    {
        String name = catalogName == null ? "" : catalogName.toLowerCase(Locale.ROOT);
        return name.startsWith("lambda:") ? name.substring("lambda:".length()) : name;
    }

    private MetadataSource route(String catalogName)
    {
        MetadataSource handler = byCatalog.get(catalogKey(catalogName));
        return handler == null ? dynamo : handler;
    }

    @Override
    public ListSchemasResponse doListSchemaNames(BlockAllocator allocator, ListSchemasRequest request)
            throws Exception
    {
        return route(request.getCatalogName()).doListSchemaNames(allocator, request);
    }

    @Override
    public ListTablesResponse doListTables(BlockAllocator allocator, ListTablesRequest request)
            throws Exception
    {
        return route(request.getCatalogName()).doListTables(allocator, request);
    }

    @Override
    public GetTableResponse doGetQueryPassthroughSchema(BlockAllocator allocator, GetTableRequest request)
            throws Exception
    {
        return route(request.getCatalogName()).doGetQueryPassthroughSchema(allocator, request);
    }

    @Override
    public GetTableResponse doGetTable(BlockAllocator allocator, GetTableRequest request)
            throws Exception
    {
        return route(request.getCatalogName()).doGetTable(allocator, request);
    }

    @Override
    public GetTableLayoutResponse doGetTableLayout(BlockAllocator allocator, GetTableLayoutRequest request)
            throws Exception
    {
        return route(request.getCatalogName()).doGetTableLayout(allocator, request);
    }

    @Override
    public GetSplitsResponse doGetSplits(BlockAllocator allocator, GetSplitsRequest request)
            throws Exception
    {
        return route(request.getCatalogName()).doGetSplits(allocator, request);
    }

    @Override
    public GetDataSourceCapabilitiesResponse doGetDataSourceCapabilities(BlockAllocator allocator, GetDataSourceCapabilitiesRequest request)
    {
        return route(request.getCatalogName()).doGetDataSourceCapabilities(allocator, request);
    }
}
