package io.github.athenaddb.handler;

import com.amazonaws.athena.connector.lambda.metadata.optimizations.querypassthrough.QueryPassthroughSignature;

import java.util.List;
import java.util.Map;

/**
 * Query passthrough as Athena calls it on every source of this connector:
 * {@code TABLE(system.query(query => '...'))}, one argument, the source's own statement.
 */
public abstract class SystemQuerySignature
        implements QueryPassthroughSignature
{
    public static final String QUERY = "QUERY";

    @Override
    public String getFunctionSchema()
    {
        return "system";
    }

    @Override
    public String getFunctionName()
    {
        return "query";
    }

    @Override
    public List<String> getFunctionArguments()
    {
        return List.of(QUERY);
    }

    /** The statement as given, without surrounding blanks and trailing semicolons. */
    protected static String statementText(Map<String, String> arguments)
    {
        String statement = arguments.getOrDefault(QUERY, "").strip();
        while (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).strip();
        }
        return statement;
    }
}
