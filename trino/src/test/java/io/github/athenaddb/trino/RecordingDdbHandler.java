package io.github.athenaddb.trino;

import com.amazonaws.services.lambda.runtime.Context;
import io.github.athenaddb.DdbCompositeHandler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The DynamoDB connector's Lambda entry, keeping the serialized requests it received: what the
 * Trino connector sent over the wire, for the tests to decode and inspect.
 */
public class RecordingDdbHandler
        extends DdbCompositeHandler
{
    private static final List<byte[]> RECEIVED = new ArrayList<>();

    public RecordingDdbHandler(Map<String, String> environment)
    {
        super(environment);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException
    {
        byte[] request = input.readAllBytes();
        synchronized (RECEIVED) {
            RECEIVED.add(request);
        }
        super.handleRequest(new ByteArrayInputStream(request), output, context);
    }

    static List<byte[]> received()
    {
        synchronized (RECEIVED) {
            return List.copyOf(RECEIVED);
        }
    }

    static void clear()
    {
        synchronized (RECEIVED) {
            RECEIVED.clear();
        }
    }
}
