package io.github.athenaddb.devkit;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * moto_server (preinstalled with moto; Python's package index is not reachable from CI) on a
 * free loopback port: AWS APIs dynalite lacks, such as DynamoDB's PartiQL ExecuteStatement.
 */
public final class MotoServer
{
    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint)
    {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoServer start()
    {
        LocalServer server = LocalServer.start("moto_server", List.of("moto_server", "-H", "127.0.0.1"), List.of("-p", "{port}"),
                Duration.ofSeconds(60));
        return new MotoServer(server.process, server.endpoint);
    }

    public URI endpoint()
    {
        return endpoint;
    }

    public void stop()
    {
        process.destroy();
    }
}
