package io.github.athenaddb.devkit;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

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
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            File log = Files.createTempFile("moto", ".log").toFile();
            Process process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("moto_server exited: " + Files.readString(log.toPath()));
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return new MotoServer(process, URI.create("http://127.0.0.1:" + port));
                }
                catch (IOException notYet) {
                    sleep();
                }
            }
            process.destroy();
            throw new IllegalStateException("moto_server did not listen on port " + port + " within 60 s");
        }
        catch (IOException e) {
            throw new IllegalStateException("Could not start moto_server (pip install 'moto[server]')", e);
        }
    }

    public URI endpoint()
    {
        return endpoint;
    }

    public void stop()
    {
        process.destroy();
    }

    private static void sleep()
    {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
