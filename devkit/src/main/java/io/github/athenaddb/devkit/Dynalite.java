package io.github.athenaddb.devkit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    public static Dynalite start()
    {
        Path cli = findCli();
        int port = freePort();
        try {
            File log = Files.createTempFile("dynalite", ".log").toFile();
            Process process = new ProcessBuilder("node", cli.toString(), "--port", Integer.toString(port), "--createTableMs", "0",
                    "--deleteTableMs", "0", "--updateTableMs", "0")
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            waitForPort(port, process, log);
            return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
        }
        catch (IOException e) {
            throw new IllegalStateException("Could not start dynalite (is Node.js installed?)", e);
        }
    }

    private static Path findCli()
    {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path cli = dir.resolve("node_modules/dynalite/cli.js");
            if (Files.exists(cli)) {
                return cli;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("dynalite not found: run 'npm ci' at the repository root first");
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitForPort(int port, Process process, File log)
            throws IOException
    {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited: " + Files.readString(log.toPath()));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        process.destroy();
        throw new IllegalStateException("dynalite did not listen on port " + port + " within 30 s");
    }
}
