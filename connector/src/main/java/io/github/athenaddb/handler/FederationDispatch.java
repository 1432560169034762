package io.github.athenaddb.handler;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.SupportedTypes;
import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import com.amazonaws.athena.connector.lambda.handlers.SerDeVersion;
import com.amazonaws.athena.connector.lambda.metadata.GetDataSourceCapabilitiesRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesRequest;
import com.amazonaws.athena.connector.lambda.metadata.MetadataRequest;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.records.RecordRequest;
import com.amazonaws.athena.connector.lambda.request.FederationResponse;
import com.amazonaws.athena.connector.lambda.request.PingRequest;
import com.amazonaws.athena.connector.lambda.request.PingResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.arrow.vector.types.pojo.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.model.ErrorDetails;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One request, already read with the SDK's mapper, to its source's answer, written with the same
 * mapper: the federation SDK's handler dispatch, for sources that do not extend its handlers.
 */
public final class FederationDispatch
{
    /**
     * The feature set this connector speaks, as Ping reports it (the federation SDK's
     * {@code FederationCapabilities}, 24: versioned serialization).
     */
    static final int CAPABILITIES = 24;
    private static final Logger log = LoggerFactory.getLogger(FederationDispatch.class);

    private FederationDispatch() {}

    public static void ping(String sourceType, PingRequest request, ObjectMapper mapper, OutputStream output)
            throws IOException
    {
        write(new PingResponse(request.getCatalogName(), request.getQueryId(), sourceType, CAPABILITIES, SerDeVersion.SERDE_VERSION),
                mapper, output);
    }

    public static void metadata(MetadataSource source, SpillBucketCheck spillBucket, BlockAllocator allocator, MetadataRequest request,
                                ObjectMapper mapper, OutputStream output)
            throws Exception
    {
        log.debug("{} {} for {}", request.getRequestType(), request.getQueryId(), request.getCatalogName());
        switch (request.getRequestType()) {
            case LIST_SCHEMAS -> write(source.doListSchemaNames(allocator, (ListSchemasRequest) request), mapper, output);
            case LIST_TABLES -> write(source.doListTables(allocator, (ListTablesRequest) request), mapper, output);
            case GET_TABLE -> {
                GetTableRequest getTable = (GetTableRequest) request;
                GetTableResponse response = getTable.isQueryPassthrough()
                        ? source.doGetQueryPassthroughSchema(allocator, getTable)
                        : source.doGetTable(allocator, getTable);
                if (response != null) {
                    // Athena reads no other Arrow types: refused here, with the column's name, not by Athena.
                    for (Field field : response.getSchema().getFields()) {
                        SupportedTypes.assertSupported(field);
                    }
                }
                write(response, mapper, output);
            }
            case GET_TABLE_LAYOUT -> write(source.doGetTableLayout(allocator, (GetTableLayoutRequest) request), mapper, output);
            case GET_SPLITS -> {
                spillBucket.check();
                write(source.doGetSplits(allocator, (GetSplitsRequest) request), mapper, output);
            }
            case GET_DATASOURCE_CAPABILITIES -> write(source.doGetDataSourceCapabilities(allocator, (GetDataSourceCapabilitiesRequest) request),
                    mapper, output);
            default -> throw invalid("Unknown metadata request type " + request.getRequestType());
        }
    }

    public static void records(RecordSource source, BlockAllocator allocator, RecordRequest request, ObjectMapper mapper, OutputStream output)
            throws Exception
    {
        log.debug("{} {} for {}", request.getRequestType(), request.getQueryId(), request.getCatalogName());
        if (!(request instanceof ReadRecordsRequest read)) {
            throw invalid("Unknown record request type " + request.getRequestType());
        }
        write(source.doReadRecords(allocator, read), mapper, output);
    }

    private static void write(FederationResponse response, ObjectMapper mapper, OutputStream output)
            throws IOException
    {
        if (response == null) {
            throw new AthenaConnectorException("The source gave no response",
                    ErrorDetails.builder().errorCode(FederationSourceErrorCode.INVALID_RESPONSE_EXCEPTION.toString()).build());
        }
        try (response) {
            mapper.writeValue(output, response);
        }
        catch (IOException | RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException("Cannot release the response's Arrow buffers", e);
        }
    }

    private static AthenaConnectorException invalid(String message)
    {
        return new AthenaConnectorException(message, ErrorDetails.builder().errorCode(FederationSourceErrorCode.INVALID_INPUT_EXCEPTION.toString()).build());
    }
}
