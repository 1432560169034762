package io.github.athenaddb.devkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of an endpoint, which can stop answering as a server does when
 * its process is stopped (SIGSTOP) or its host drops off the network: connections are still
 * accepted and requests read, but nothing goes through any more and nothing comes back. Unlike a
 * stopped process, it cannot be left frozen: {@link #close()} releases every connection.
 */
public final class FreezingProxy
        implements AutoCloseable
{
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;
    private volatile String freezeMarker;
    private volatile boolean closed;

    private FreezingProxy(ServerSocket server, InetSocketAddress target)
    {
        this.server = server;
        this.target = target;
    }

    /** A proxy on a free loopback port, forwarding to {@code endpoint} (http://host:port). */
    public static FreezingProxy to(URI endpoint)
    {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            FreezingProxy proxy = new FreezingProxy(server, new InetSocketAddress(endpoint.getHost(), endpoint.getPort()));
            daemon("proxy-accept", proxy::accept);
            return proxy;
        }
        catch (IOException e) {
            throw new IllegalStateException("could not open a proxy port", e);
        }
    }

    public URI endpoint()
    {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Nothing goes through from now on, on open connections or new ones. */
    public void freeze()
    {
        frozen = true;
    }

    /**
     * Freezes when a request holding {@code marker} arrives, before forwarding it: e.g.
     * "ExclusiveStartKey" freezes a Scan after its first page was answered.
     */
    public void freezeOnRequestContaining(String marker)
    {
        freezeMarker = marker;
    }

    private void accept()
    {
        while (!closed) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                daemon("proxy-connection", () -> connect(client));
            }
            catch (IOException e) {
                return; // closed
            }
        }
    }

    private void connect(Socket client)
    {
        try {
            awaitThawed();
            Socket upstream = new Socket(target.getAddress(), target.getPort());
            sockets.add(upstream);
            daemon("proxy-response", () -> pump(upstream, client, false));
            pump(client, upstream, true);
        }
        catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, boolean requests)
    {
        byte[] buffer = new byte[64 * 1024];
        String tail = "";
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                String marker = freezeMarker;
                if (requests && marker != null) {
                    // A marker may straddle two reads: the end of the previous one is searched too.
                    String text = tail + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    if (text.contains(marker)) {
                        freeze();
                    }
                    tail = text.substring(Math.max(0, text.length() - marker.length()));
                }
                awaitThawed();
                out.write(buffer, 0, n);
                out.flush();
            }
        }
        catch (IOException e) {
            // a side closed the connection
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Blocks while frozen, which is until the proxy is closed. */
    private void awaitThawed()
            throws IOException
    {
        if (frozen) {
            while (!closed) {
                try {
                    Thread.sleep(50);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new IOException("proxy closed");
        }
    }

    @Override
    public void close()
    {
        closed = true;
        closeQuietly(server);
        sockets.forEach(FreezingProxy::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable c)
    {
        try {
            c.close();
        }
        catch (Exception ignored) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable run)
    {
        Thread t = new Thread(run, name);
        t.setDaemon(true);
        t.start();
    }
}
