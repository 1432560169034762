package io.github.athenaddb.local.engine;

import com.google.inject.Key;
import io.github.athenaddb.trino.FederationListener;
import io.github.athenaddb.trino.FederationPlugin;
import io.trino.connector.ConnectorServicesProvider;
import io.trino.server.testing.TestingTrinoServer;
import io.trino.spi.eventlistener.EventListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Trino's engine in this JVM: one coordinator that is also its only worker, with an HTTP server on
 * 127.0.0.1 that speaks Trino's client protocol, so the Trino CLI, JDBC or a BI tool connect to it
 * as to any Trino server, and {@code query} uses the same protocol. Trino's testing server is the
 * one that starts in-process without an installation directory (plugins given as objects,
 * catalogs created at run time); it allows every user everything, which suits a loopback server.
 */
public final class LocalTrino
        implements AutoCloseable
{
    private final TestingTrinoServer server;
    private final List<String> catalogs;

    private LocalTrino(TestingTrinoServer server, List<String> catalogs)
    {
        this.server = requireNonNull(server, "server is null");
        this.catalogs = List.copyOf(catalogs);
    }

    /** @param port 0 for any free port */
    public static LocalTrino start(LocalCatalogs catalogs, int port)
    {
        return start(catalogs, port, FederationListener.NONE);
    }

    /** @param listener told what each statement asks the connector (the stats) */
    public static LocalTrino start(LocalCatalogs catalogs, int port, FederationListener listener)
    {
        return start(catalogs, port, listener, List.of());
    }

    /** @param events told when each query ends (a serve's stats per query) */
    public static LocalTrino start(LocalCatalogs catalogs, int port, FederationListener listener, List<EventListener> events)
    {
        if (catalogs.needsDummyCredentials()) {
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
        TestingTrinoServer server = TestingTrinoServer.builder()
                .setEventListeners(events)
                .setProperties(Map.of(
                        "http-server.http.port", Integer.toString(port),
                        // A client reading a long result slowly (a pager, a BI tool) must not lose its query.
                        "query.client.timeout", "10m",
                        "node-scheduler.min-candidates", "1"))
                .build();
        try {
            server.getInstance(Key.get(ConnectorServicesProvider.class)).loadInitialCatalogs();
            server.installPlugin(new FederationPlugin(listener));
            Map<String, String> properties = catalogs.catalogProperties();
            for (String name : catalogs.catalogNames()) {
                server.createCatalog(name, LocalCatalogs.connectorName(), properties);
            }
            return new LocalTrino(server, catalogs.catalogNames());
        }
        catch (RuntimeException e) {
            closeQuietly(server, e);
            throw e;
        }
    }

    /** The catalogs of the connector's sources ({@code ddb}, {@code "lambda:ddb"}, each JDBC source). */
    public List<String> catalogs()
    {
        return catalogs;
    }

    /** {@code http://127.0.0.1:PORT}: the server's address for clients. */
    public URI baseUrl()
    {
        return server.getBaseUrl();
    }

    public String jdbcUrl()
    {
        return "jdbc:trino://" + baseUrl().getHost() + ":" + baseUrl().getPort() + "/ddb/default";
    }

    @Override
    public void close()
    {
        try {
            server.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(TestingTrinoServer server, RuntimeException failure)
    {
        try {
            server.close();
        }
        catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
