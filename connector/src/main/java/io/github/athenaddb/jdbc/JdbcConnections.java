package io.github.athenaddb.jdbc;

import io.github.athenaddb.ConnectorException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static java.util.Objects.requireNonNull;

/**
 * Opens a connection to a source per call: a Lambda invocation serves one request, so a pool
 * would only hold idle connections between invocations. Secrets are resolved on open, and each
 * session is put in UTC.
 */
public final class JdbcConnections
{
    private final JdbcSource source;
    private final SecretReferences secrets;

    public JdbcConnections(JdbcSource source, SecretReferences secrets)
    {
        this.source = requireNonNull(source, "source is null");
        this.secrets = requireNonNull(secrets, "secrets is null");
    }

    public JdbcSource source()
    {
        return source;
    }

    public Connection open()
    {
        Connection connection;
        try {
            connection = DriverManager.getConnection(secrets.resolve(source.connectionString()));
        }
        catch (SQLException e) {
            // The driver's message names host and user at most; the URL (which may hold a password) is never repeated.
            throw failed(e, "connect to catalog '" + source.catalog() + "'");
        }
        try (Statement s = connection.createStatement()) {
            s.execute(source.dialect().utcSession());
            return connection;
        }
        catch (SQLException e) {
            closeQuietly(connection);
            throw failed(e, "set the session time zone of catalog '" + source.catalog() + "' to UTC");
        }
    }

    private static void closeQuietly(Connection connection)
    {
        try {
            connection.close();
        }
        catch (SQLException ignored) {
            // already failing with the reason above
        }
    }

    public static ConnectorException failed(SQLException e, String what)
    {
        return ConnectorException.internal("Could not " + what + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
    }
}
