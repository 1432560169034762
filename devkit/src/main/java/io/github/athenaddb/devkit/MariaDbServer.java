package io.github.athenaddb.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real MariaDB server (the Debian {@code mariadb-server} package, which {@code .ci/run}
 * installs) on a free loopback port, one per JVM: {@code mariadb-install-db} into a fresh
 * temporary directory, then {@code mariadbd} without any option file, stopped and deleted by a
 * shutdown hook. Its default time zone is {@value #SERVER_TIME_ZONE}, not UTC, so tests see
 * whether TIMESTAMP values depend on the session's zone.
 */
public final class MariaDbServer
{
    public static final String USER = "athena";
    public static final String PASSWORD = "athena-test";
    public static final String SERVER_TIME_ZONE = "+05:00";
    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/mariadbd"), Path.of("/usr/bin/mariadbd"));

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static MariaDbServer shared;

    private final int port;

    private MariaDbServer(int port)
    {
        this.port = port;
    }

    /** The mariadbd binary, when the package is installed. */
    public static Optional<Path> binary()
    {
        return BINARIES.stream().filter(Files::isExecutable).findFirst();
    }

    /** The server, started on first use; fails when mariadbd is not installed. */
    public static synchronized MariaDbServer shared()
    {
        if (shared == null) {
            Path mariadbd = binary().orElseThrow(() -> new IllegalStateException(
                    "mariadbd is not installed; install the Debian package mariadb-server (.ci/run does)"));
            shared = start(mariadbd);
        }
        return shared;
    }

    /** A fresh, empty database; the URL carries the user and password. */
    public String newDatabase()
    {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("mysql"), USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return url(name) + "?user=" + USER + "&password=" + PASSWORD;
    }

    public Connection connect(String database)
            throws SQLException
    {
        return DriverManager.getConnection(url(database), USER, PASSWORD);
    }

    private String url(String database)
    {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    private static MariaDbServer start(Path mariadbd)
    {
        try {
            Path dir = Files.createTempDirectory("mariadb-");
            Path data = dir.resolve("data");
            run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal",
                    "--skip-test-db", "--user=" + System.getProperty("user.name")), dir.resolve("install.log"));
            int port = freePort();
            Process server = new ProcessBuilder(mariadbd.toString(), "--no-defaults", "--datadir=" + data,
                    "--socket=" + dir.resolve("mysqld.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                    "--user=" + System.getProperty("user.name"), "--skip-log-bin", "--innodb-buffer-pool-size=64M",
                    "--default-time-zone=" + SERVER_TIME_ZONE, "--character-set-server=utf8mb4")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.destroy();
                try {
                    server.waitFor(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                deleteTree(dir);
            }));
            MariaDbServer started = new MariaDbServer(port);
            started.createUser(server, dir, Duration.ofSeconds(60));
            return started;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start MariaDB", e);
        }
    }

    /** Waits until root (no password, from localhost) can log in over TCP's loopback, then creates the test user. */
    private void createUser(Process server, Path dir, Duration timeout)
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        String rootUrl = "jdbc:mariadb://127.0.0.1:" + port + "/mysql?user=root";
        while (true) {
            try (Connection c = DriverManager.getConnection(rootUrl); Statement s = c.createStatement()) {
                s.execute("CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
                s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%'");
                return;
            }
            catch (SQLException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("MariaDB did not start; see " + dir.resolve("server.log"), e);
                }
                try {
                    Thread.sleep(100);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while MariaDB starts", interrupted);
                }
            }
        }
    }

    private static void run(List<String> command, Path log)
            throws IOException
    {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed; see " + log + ":\n" + Files.readString(log));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException ignored) {
            // a temporary directory: best effort
        }
    }
}
