package io.github.athenaddb.jdbc;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.handler.SystemQuerySignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * {@code SELECT * FROM TABLE(system.query(query => 'SELECT … FROM orders JOIN …'))} on a JDBC
 * catalog: the database runs the statement in its own SQL. Off unless {@code
 * jdbc_query_passthrough=true}, because the statement runs with the connection's privileges.
 * Three guards keep it a read: a statement may not contain {@code ;}, so it is one statement; it
 * is wrapped as a derived table, {@code SELECT * FROM (statement) AS passthrough}, which neither
 * database accepts for anything but a query; and it runs in a read-only transaction.
 */
public final class JdbcPassthrough
        extends SystemQuerySignature
{
    private static final Logger log = LoggerFactory.getLogger(JdbcPassthrough.class);

    private final boolean enabled;

    public JdbcPassthrough(boolean enabled)
    {
        this.enabled = enabled;
    }

    @Override
    public Logger getLogger()
    {
        return log;
    }

    @Override
    public boolean allowQueryPassthrough(Map<String, String> configOptions)
    {
        return enabled;
    }

    /** The statement of a passthrough request, after the SDK's checks and the opt-in's. */
    public String statement(Map<String, String> arguments, String catalog)
    {
        if (!enabled) {
            throw ConnectorException.invalidInput("system.query is off for catalog '" + catalog + "': set "
                    + JdbcOptions.QUERY_PASSTHROUGH + "=true on the function to run native SQL");
        }
        verify(arguments);
        String statement = statementText(arguments);
        if (statement.indexOf(';') >= 0) {
            // PostgreSQL's driver splits a string at ';' and runs each part, even in a prepared
            // statement, and "COMMIT" would end the read-only transaction. Telling a separator from a
            // ';' in a literal depends on server settings (backslash escapes, dollar quotes), so none
            // is accepted.
            throw ConnectorException.invalidInput("system.query runs one statement: ';' is not accepted anywhere in it, "
                    + "also not in a string literal (write chr(59) there)");
        }
        return statement;
    }

    /** The statement as the derived table that every passthrough read selects from. */
    public static String wrapped(String statement)
    {
        // A line break before the closing parenthesis ends a trailing "--" comment.
        return "SELECT * FROM (" + statement + "\n) AS passthrough";
    }

    /** Starts a read-only transaction: the second guard, should a statement get past the wrapping. */
    public static void readOnly(Connection c, SqlDialect dialect)
            throws SQLException
    {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(dialect == SqlDialect.MYSQL ? "START TRANSACTION READ ONLY" : "SET TRANSACTION READ ONLY");
        }
    }
}
