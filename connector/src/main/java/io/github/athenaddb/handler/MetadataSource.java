package io.github.athenaddb.handler;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
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
import software.amazon.awssdk.services.glue.model.ErrorDetails;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import java.util.Map;

/**
 * What a source answers to Athena's metadata requests, each in the federation SDK's request and
 * response objects ({@link FederationDispatch} reads and writes them). A source whose tables are
 * not partitioned keeps the default layout, one partition; one without query passthrough keeps
 * its default, a refusal.
 */
public interface MetadataSource
{
    ListSchemasResponse doListSchemaNames(BlockAllocator allocator, ListSchemasRequest request)
            throws Exception;

    ListTablesResponse doListTables(BlockAllocator allocator, ListTablesRequest request)
            throws Exception;

    GetTableResponse doGetTable(BlockAllocator allocator, GetTableRequest request)
            throws Exception;

    /** The schema of a {@code system.query(...)} result. */
    default GetTableResponse doGetQueryPassthroughSchema(BlockAllocator allocator, GetTableRequest request)
            throws Exception
    {
        throw new AthenaConnectorException("Query passthrough (system.query) is not supported by catalog " + request.getCatalogName(),
                ErrorDetails.builder().errorCode(FederationSourceErrorCode.OPERATION_NOT_SUPPORTED_EXCEPTION.toString()).build());
    }

    /** One partition, carrying the table schema's metadata to GetSplits. */
    default GetTableLayoutResponse doGetTableLayout(BlockAllocator allocator, GetTableLayoutRequest request)
            throws Exception
    {
        return SinglePartition.layout(allocator, request, request.getSchema().getCustomMetadata());
    }

    GetSplitsResponse doGetSplits(BlockAllocator allocator, GetSplitsRequest request)
            throws Exception;

    /** What Athena may push down beyond filters on columns: nothing, unless declared. */
    default GetDataSourceCapabilitiesResponse doGetDataSourceCapabilities(BlockAllocator allocator, GetDataSourceCapabilitiesRequest request)
    {
        return new GetDataSourceCapabilitiesResponse(request.getCatalogName(), Map.of());
    }
}
