package io.github.athenaddb.trino;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import static java.util.Objects.requireNonNull;

/** A Lambda handler called in this JVM through its entry point, as the Lambda runtime calls it. */
final class InProcessFunction
        implements FederationFunction
{
    private final RequestStreamHandler handler;

    InProcessFunction(RequestStreamHandler handler)
    {
        this.handler = requireNonNull(handler, "handler is null");
    }

    @Override
    public byte[] invoke(byte[] request)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(request), out, new InProcessLambdaContext(handler.getClass().getSimpleName()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
