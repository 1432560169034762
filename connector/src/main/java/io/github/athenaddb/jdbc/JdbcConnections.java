package io.github.athenaddb.jdbc;

import io.github.athenaddb.ConnectorException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/**
 * Opens a connection to a source per call: a Lambda invocation serves one request, so a pool
 * would only hold idle connections between invocations. Secrets are resolved on open.
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
        try {
            return DriverManager.getConnection(secrets.resolve(source.connectionString()));
        }
        catch (SQLException e) {
            // The driver's message names host and user at most; the URL (which may hold a password) is never repeated.
            throw failed(e, "connect to catalog '" + source.catalog() + "'");
        }
    }

    public static ConnectorException failed(SQLException e, String what)
    {
        return ConnectorException.internal("Could not " + what + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
    }
}
