package io.github.athenaddb.devkit;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A server process the tests and the local tools start on a free loopback port: it is stopped
 * when the JVM exits, and its output goes to a temporary log that is shown if it dies at start.
 */
final class LocalServer
{
    final Process process;
    final URI endpoint;

    private LocalServer(Process process, URI endpoint)
    {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** @param command the command line, without the port arguments; {@code portArgs} are appended with the port */
    static LocalServer start(String name, List<String> command, List<String> portArgs, Duration timeout)
    {
        int port = freePort();
        List<String> full = new ArrayList<>(command);
        portArgs.forEach(a -> full.add(a.replace("{port}", Integer.toString(port))));
        try {
            File log = Files.createTempFile(name, ".log").toFile();
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited: " + Files.readString(log.toPath()));
                }
                if (listening(port)) {
                    return new LocalServer(process, URI.create("http://127.0.0.1:" + port));
                }
                pause();
            }
            process.destroy();
            throw new IllegalStateException(name + " did not listen on port " + port + " within " + timeout.toSeconds() + " s");
        }
        catch (IOException e) {
            throw new IllegalStateException("Could not start " + name + " (" + full.get(0) + ")", e);
        }
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean listening(int port)
    {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
        catch (IOException notYet) {
            return false;
        }
    }

    private static void pause()
    {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
