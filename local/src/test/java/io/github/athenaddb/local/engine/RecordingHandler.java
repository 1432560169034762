package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutRequest;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.request.FederationRequest;
import com.amazonaws.athena.connector.lambda.serde.VersionedObjectMapperFactory;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The connector behind a recorder: every request that carries constraints is decoded from the
 * JSON the connector receives, and its limit and order are kept, so a test sees what went over
 * the wire rather than what the engine meant to send.
 */
final class RecordingHandler
        implements RequestStreamHandler, AutoCloseable
{
    /** The limit and order of one request, as the connector decoded them. */
    record Sent(String request, long limit, List<OrderByField> orderBy) {}

    private final RequestStreamHandler connector;
    private final BlockAllocator allocator = new BlockAllocatorImpl();
    private final ObjectMapper mapper = VersionedObjectMapperFactory.create(allocator);
    private final List<Sent> sent = new ArrayList<>();

    RecordingHandler(RequestStreamHandler connector)
    {
        this.connector = connector;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException
    {
        byte[] request = input.readAllBytes();
        FederationRequest decoded = mapper.readValue(request, FederationRequest.class);
        Constraints constraints = constraints(decoded);
        if (constraints != null) {
            synchronized (sent) {
                sent.add(new Sent(decoded.getClass().getSimpleName(), constraints.getLimit(), constraints.getOrderByClause()));
            }
        }
        release(decoded);
        connector.handleRequest(new ByteArrayInputStream(request), output, context);
    }

    /** The decoded copy holds Arrow buffers (constraint values, split blocks) of this recorder's allocator. */
    private static void release(FederationRequest request)
    {
        try {
            request.close();
        }
        catch (Exception e) {
            throw new IllegalStateException("could not release a decoded request", e);
        }
    }

    private static Constraints constraints(FederationRequest request)
    {
        if (request instanceof GetTableLayoutRequest layout) {
            return layout.getConstraints();
        }
        if (request instanceof GetSplitsRequest splits) {
            return splits.getConstraints();
        }
        if (request instanceof ReadRecordsRequest read) {
            return read.getConstraints();
        }
        return null;
    }

    /** The requests recorded since the last call, and forgets them. */
    List<Sent> take()
    {
        synchronized (sent) {
            List<Sent> out = List.copyOf(sent);
            sent.clear();
            return out;
        }
    }

    @Override
    public void close()
    {
        allocator.close();
    }
}
