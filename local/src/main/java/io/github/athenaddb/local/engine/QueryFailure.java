package io.github.athenaddb.local.engine;

import io.trino.client.QueryError;

import static java.util.Objects.requireNonNull;

/**
 * A statement Trino failed, with its message and error name. The user's own (bad SQL, an unknown
 * catalog, schema, table or column: Trino's USER_ERROR) is told apart from the source's failures
 * (EXTERNAL: DynamoDB unreachable, throttled) and the engine's.
 */
public final class QueryFailure
        extends RuntimeException
{
    private final String errorName;
    private final boolean userError;

    public QueryFailure(String message, String errorName, boolean userError)
    {
        super(requireNonNull(message, "message is null"));
        this.errorName = requireNonNull(errorName, "errorName is null");
        this.userError = userError;
    }

    public static QueryFailure of(QueryError error)
    {
        String message = error.getMessage() == null ? "Query failed" : error.getMessage();
        // Access denied by AWS is the source's failure for the CLI: the SQL is fine, the credentials are not.
        boolean user = "USER_ERROR".equals(error.getErrorType()) && !"FEDERATION_ACCESS_DENIED".equals(error.getErrorName());
        QueryFailure failure = new QueryFailure(message, error.getErrorName(), user);
        if (error.getFailureInfo() != null) {
            failure.initCause(error.getFailureInfo().toException());
        }
        return failure;
    }

    public String errorName()
    {
        return errorName;
    }

    public boolean userError()
    {
        return userError;
    }

    /** One line: Trino's message (its first line) and the error name. */
    public String oneLine()
    {
        String message = getMessage().lines().findFirst().orElse(getMessage());
        return message + " (" + errorName + ")";
    }
}
