package io.github.athenaddb.devkit;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.request.FederationRequest;
import com.amazonaws.athena.connector.lambda.request.FederationResponse;
import com.amazonaws.athena.connector.lambda.serde.VersionedObjectMapperFactory;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Calls the connector the way Athena does: the SDK's own request object is serialized to JSON,
 * passed through the Lambda entry point, and the JSON answer is decoded (Arrow blocks included).
 * Responses are decoded with this wire's allocator: close the wire to free them.
 */
public final class LambdaWire
        implements AutoCloseable
{
    private final RequestStreamHandler handler;
    private final BlockAllocator allocator = new BlockAllocatorImpl();
    private final ObjectMapper mapper = VersionedObjectMapperFactory.create(allocator);
    private final Context context;

    public LambdaWire(RequestStreamHandler handler)
    {
        this(handler, new LocalLambdaContext());
    }

    /** @param context the Lambda context every call gets, e.g. one with little time left */
    public LambdaWire(RequestStreamHandler handler, Context context)
    {
        this.handler = handler;
        this.context = context;
    }

    public BlockAllocator allocator()
    {
        return allocator;
    }

    @SuppressWarnings("unchecked")
    public <T extends FederationResponse> T call(FederationRequest request)
    {
        try {
            byte[] in = mapper.writeValueAsBytes(request);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(in), out, context);
            return (T) mapper.readValue(out.toByteArray(), FederationResponse.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
    {
        allocator.close();
    }
}
