package io.github.athenaddb.trino;

/**
 * The transport under every call: one serialized federation request in, the serialized response
 * out, exactly the bytes a Lambda invocation carries. In-process now; a Lambda Invoke client
 * implements the same.
 */
public interface FederationFunction
        extends AutoCloseable
{
    byte[] invoke(byte[] request);

    @Override
    default void close() {}
}
