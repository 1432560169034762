package io.github.athenaddb.ddb;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.handler.SystemQuerySignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SELECT * FROM TABLE(system.query(query => 'SELECT … FROM "Table" WHERE …'))}: a PartiQL
 * SELECT run as is through ExecuteStatement. Only a single SELECT is accepted: ExecuteStatement
 * also runs INSERT, UPDATE and DELETE, which a query engine must never send on a user's behalf.
 */
public final class PartiqlPassthrough
        extends SystemQuerySignature
{
    private static final Logger log = LoggerFactory.getLogger(PartiqlPassthrough.class);
    /** FROM "Table", FROM "Table"."Index" or FROM Table: the table whose keys name items in warnings. */
    private static final Pattern FROM = Pattern.compile("(?is)\\bFROM\\s+(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z0-9_.\\-]+))");

    @Override
    public Logger getLogger()
    {
        return log;
    }

    @Override
    public void customConnectorVerifications(Map<String, String> arguments)
    {
        statement(arguments);
    }

    /** The statement, checked to be one PartiQL SELECT. */
    public static String statement(Map<String, String> arguments)
    {
        String statement = statementText(arguments);
        if (!statement.toUpperCase(Locale.ROOT).matches("(?s)SELECT\\b.*")) {
            throw ConnectorException.invalidInput("system.query runs a single PartiQL SELECT; the statement starts with '"
                    + statement.substring(0, Math.min(20, statement.length())) + "'");
        }
        if (containsSemicolonOutsideQuotes(statement)) {
            throw ConnectorException.invalidInput("system.query runs a single PartiQL SELECT; the statement holds several (a ';' separates them)");
        }
        return statement;
    }

    /** The DynamoDB table the statement reads. */
    public static String table(String statement)
    {
        Matcher m = FROM.matcher(statement);
        if (!m.find()) {
            throw ConnectorException.invalidInput("system.query: no table found after FROM in the statement");
        }
        String quoted = m.group(1);
        return quoted != null ? quoted.replace("\"\"", "\"") : m.group(2).split("\\.")[0];
    }

    private static boolean containsSemicolonOutsideQuotes(String statement)
    {
        char quote = 0;
        for (char c : statement.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            }
            else if (c == '\'' || c == '"') {
                quote = c;
            }
            else if (c == ';') {
                return true;
            }
        }
        return false;
    }
}
