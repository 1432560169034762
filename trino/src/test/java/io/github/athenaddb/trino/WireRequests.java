package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.request.FederationRequest;
import com.amazonaws.athena.connector.lambda.serde.VersionedObjectMapperFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The requests {@link RecordingDdbHandler} received, decoded with the SDK's mapper as the handler decoded them. */
final class WireRequests
{
    // Decoded ValueSets hold Arrow buffers; the tests' JVM ends with them, so the allocator stays open.
    private static final ObjectMapper WIRE = VersionedObjectMapperFactory.create(new BlockAllocatorImpl());

    private WireRequests() {}

    static <T extends FederationRequest> List<T> received(Class<T> type)
    {
        List<T> matching = new ArrayList<>();
        for (byte[] bytes : RecordingDdbHandler.received()) {
            try {
                FederationRequest request = WIRE.readValue(bytes, FederationRequest.class);
                if (type.isInstance(request)) {
                    matching.add(type.cast(request));
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return matching;
    }
}
