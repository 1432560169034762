package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsResponse;
import com.amazonaws.athena.connector.lambda.request.FederationRequest;
import com.amazonaws.athena.connector.lambda.request.FederationResponse;
import com.amazonaws.athena.connector.lambda.serde.VersionedObjectMapperFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trino.spi.TrinoException;

import java.io.IOException;

import static io.github.athenaddb.trino.FederationErrorCode.FEDERATION_SOURCE_ERROR;
import static io.github.athenaddb.trino.FederationErrorCode.FEDERATION_UNSUPPORTED_RESPONSE;
import static java.util.Objects.requireNonNull;

/**
 * The federation wire: each request is one of the SDK's request objects, serialized with the
 * SDK's own mapper as Athena serializes it, sent through a {@link FederationFunction}, and the
 * answer decoded back into the SDK's response object (Arrow blocks included, in this client's
 * allocator: close responses when done). A source's failure becomes a {@link TrinoException}
 * with the source's message.
 */
public final class FederationClient
        implements AutoCloseable
{
    private final FederationFunction function;
    private final BlockAllocator allocator = new BlockAllocatorImpl();
    private final ObjectMapper mapper = VersionedObjectMapperFactory.create(allocator);

    public FederationClient(FederationFunction function)
    {
        this.function = requireNonNull(function, "function is null");
    }

    /** For values (ValueSets, blocks) that travel in requests, and for the responses' blocks. */
    public BlockAllocator allocator()
    {
        return allocator;
    }

    public <T extends FederationResponse> T call(FederationRequest request, Class<T> expected)
    {
        byte[] in;
        try {
            in = mapper.writeValueAsBytes(request);
        }
        catch (IOException e) {
            throw new TrinoException(FEDERATION_SOURCE_ERROR, "Cannot serialize " + request.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        byte[] out = invoke(request, in);
        FederationResponse response;
        try {
            response = mapper.readValue(out, FederationResponse.class);
        }
        catch (IOException e) {
            throw new TrinoException(FEDERATION_UNSUPPORTED_RESPONSE, "The source's answer to " + request.getClass().getSimpleName()
                    + " is not a federation response: " + e.getMessage(), e);
        }
        if (!expected.isInstance(response)) {
            String kind = response.getClass().getSimpleName();
            close(response);
            throw new TrinoException(FEDERATION_UNSUPPORTED_RESPONSE, "The source answered " + request.getClass().getSimpleName() + " with "
                    + kind + ", expected " + expected.getSimpleName());
        }
        return expected.cast(response);
    }

    private byte[] invoke(FederationRequest request, byte[] in)
    {
        try {
            return function.invoke(in);
        }
        catch (AthenaConnectorException e) {
            String code = e.getErrorDetails() == null ? null : e.getErrorDetails().errorCode();
            throw new TrinoException(FederationErrorCode.forSourceCode(code), message(e), e);
        }
        catch (TrinoException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new TrinoException(FEDERATION_SOURCE_ERROR, request.getClass().getSimpleName() + " failed: " + message(e), e);
        }
    }

    private static String message(Throwable e)
    {
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    }

    /**
     * A split as JSON, to carry it inside a Trino split. The SDK's mapper writes a split only as
     * part of a message, so it travels as the GetSplitsResponse that holds just it: the bytes
     * Athena itself would have received for it.
     */
    public String encodeSplit(String catalog, Split split)
    {
        try {
            return mapper.writeValueAsString(new GetSplitsResponse(catalog, split));
        }
        catch (IOException e) {
            throw new TrinoException(FEDERATION_SOURCE_ERROR, "Cannot serialize a split: " + e.getMessage(), e);
        }
    }

    public Split decodeSplit(String json)
    {
        try {
            GetSplitsResponse response = (GetSplitsResponse) mapper.readValue(json, FederationResponse.class);
            return response.getSplits().iterator().next();
        }
        catch (IOException e) {
            throw new TrinoException(FEDERATION_SOURCE_ERROR, "Cannot read a split: " + e.getMessage(), e);
        }
    }

    /** Frees a response's or request's Arrow buffers. */
    public static void close(AutoCloseable resource)
    {
        try {
            resource.close();
        }
        catch (Exception e) {
            throw new IllegalStateException("Cannot release Arrow buffers of " + resource.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close()
    {
        function.close();
        allocator.close();
    }
}
