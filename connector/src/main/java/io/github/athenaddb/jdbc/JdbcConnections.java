package io.github.athenaddb.jdbc;

import io.github.athenaddb.ConnectorException;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

import static java.util.Objects.requireNonNull;

/**
 * Opens a connection to a source per call: a Lambda invocation serves one request, so a pool
 * would only hold idle connections between invocations. Secrets are resolved on open, and each
 * session is put in UTC.
 *
 * <p>The driver is one of the JDBC drivers next to this class, found with this class's loader, not
 * through {@code DriverManager}: in a Trino server the connector runs in a plugin's class loader,
 * whose drivers DriverManager does not see ("No suitable driver"), and DriverManager's message
 * would repeat the connection string, password included.
 */
public final class JdbcConnections
{
    private static final List<Driver> DRIVERS = ServiceLoader.load(Driver.class, JdbcConnections.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get).toList();

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
            String url = secrets.resolve(source.connectionString());
            connection = driver(url).connect(url, new Properties());
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

    private Driver driver(String url)
            throws SQLException
    {
        for (Driver driver : DRIVERS) {
            if (driver.acceptsURL(url)) {
                return driver;
            }
        }
        throw ConnectorException.invalidInput("Catalog '" + source.catalog() + "': no JDBC driver in the connector takes its connection string "
                + "(PostgreSQL: jdbc:postgresql://..., MySQL or MariaDB: jdbc:mysql://... or jdbc:mariadb://...)");
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
