package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.metadata.GetDataSourceCapabilitiesResponse;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.DataSourceOptimizations;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.OptimizationSubType;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.pushdown.TopNPushdownSubType;
import com.amazonaws.athena.connector.lambda.request.FederationResponse;
import com.amazonaws.athena.connector.lambda.serde.VersionedObjectMapperFactory;
import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DynamoDB connector's entry, recording requests, with one change on the wire: its
 * capabilities also declare top-N pushdown (ORDER BY with a LIMIT), which the connector itself
 * does not declare, so that the tests see what Trino sends to a source that does.
 */
public final class TopNDeclaringDdbHandler
        extends RecordingDdbHandler
{
    public TopNDeclaringDdbHandler(Map<String, String> environment)
    {
        super(environment);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException
    {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        super.handleRequest(input, answer, context);
        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
            ObjectMapper mapper = VersionedObjectMapperFactory.create(allocator);
            FederationResponse response = mapper.readValue(answer.toByteArray(), FederationResponse.class);
            if (response instanceof GetDataSourceCapabilitiesResponse capabilities) {
                Map<String, List<OptimizationSubType>> declared = new HashMap<>(capabilities.getCapabilities());
                Map.Entry<String, List<OptimizationSubType>> topN = DataSourceOptimizations.SUPPORTS_TOP_N_PUSHDOWN
                        .withSupportedSubTypes(TopNPushdownSubType.SUPPORTS_ORDER_BY);
                declared.put(topN.getKey(), topN.getValue());
                mapper.writeValue(output, new GetDataSourceCapabilitiesResponse(capabilities.getCatalogName(), declared));
            }
            else {
                output.write(answer.toByteArray());
            }
            response.close();
        }
        catch (IOException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
