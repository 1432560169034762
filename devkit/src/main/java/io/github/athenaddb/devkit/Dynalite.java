package io.github.athenaddb.devkit;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real local DynamoDB (dynalite, in memory) on a free loopback port, one per test JVM,
 * stopped when the JVM exits. dynalite comes from the repository's package-lock (npm ci).
 */
public final class Dynalite
{
    private static Dynalite instance;

    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint)
    {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static synchronized Dynalite shared()
    {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public void stop()
    {
        process.destroy();
    }

    public URI endpoint()
    {
        return endpoint;
    }

    /** A client for setting up test data (not the connector's own client). */
    public DynamoDbClient client()
    {
        return Tables.client(endpoint, "us-east-1");
    }

    public static Dynalite start()
    {
        return start(Duration.ZERO);
    }

    /**
     * @param tableDelay how long a created table stays CREATING (dynalite's own default is
     *     500 ms, as a user's {@code npx dynalite} would run; tests use none)
     */
    public static Dynalite start(Duration tableDelay)
    {
        String ms = Long.toString(tableDelay.toMillis());
        LocalServer server = LocalServer.start("dynalite",
                List.of("node", findCli().toString(), "--createTableMs", ms, "--deleteTableMs", ms, "--updateTableMs", ms),
                List.of("--port", "{port}"), Duration.ofSeconds(30));
        return new Dynalite(server.process, server.endpoint);
    }

    private static Path findCli()
    {
        // bin/athena-local names its checkout (the caller may be anywhere); tests run inside it.
        Path dir = Path.of(System.getProperty("athena.local.root", "")).toAbsolutePath();
        while (dir != null) {
            Path cli = dir.resolve("node_modules/dynalite/cli.js");
            if (Files.exists(cli)) {
                return cli;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("dynalite not found: run 'npm ci' at the repository root first");
    }
}
