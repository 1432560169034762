package io.github.athenaddb.local;

import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import io.github.athenaddb.local.engine.QueryFailure;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import java.io.PrintStream;

/**
 * One-line errors and exit codes: 2 for the user's statement, names or usage (parse errors, unknown
 * schema, table or column, an invalid setting), 1 for anything else, the source's failures above all (endpoint
 * unreachable or not answering, throttling, access denied).
 */
final class Failures
{
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    private Failures() {}

    static int usage(String message)
    {
        return usage(message, System.err);
    }

    static int usage(String message, PrintStream err)
    {
        err.println("athena-local: " + message);
        return BAD_INPUT;
    }

    static int report(Exception e, boolean debug)
    {
        return report(e, debug, System.err);
    }

    /** The error's one line (and its stack trace with {@code debug}) to {@code err}; the exit code. */
    static int report(Exception e, boolean debug, PrintStream err)
    {
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof QueryFailure failure) {
            // Trino failed the statement: its message and error name say whose error it is.
            err.println("athena-local: " + failure.oneLine());
            return failure.userError() ? BAD_INPUT : FAILED;
        }
        err.println("athena-local: " + message(e));
        return isUserError(rootCause(e)) ? BAD_INPUT : FAILED;
    }

    /** The innermost message: starting Trino's catalogs wraps a setting the connector refuses in several layers. */
    static String message(Throwable e)
    {
        Throwable root = rootCause(e);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Outside a statement (starting the engine, loading data), the innermost cause decides: a
     * setting the connector refuses (it names it) is the user's, as is an error code of the
     * connector that says so, as it does for Athena.
     */
    private static boolean isUserError(Throwable root)
    {
        if (root instanceof InvalidSettingException || root instanceof IllegalArgumentException) {
            return true;
        }
        if (root instanceof AthenaConnectorException connector) {
            String code = connector.getErrorDetails() == null ? null : connector.getErrorDetails().errorCode();
            return FederationSourceErrorCode.INVALID_INPUT_EXCEPTION.toString().equals(code)
                    || FederationSourceErrorCode.ENTITY_NOT_FOUND_EXCEPTION.toString().equals(code);
        }
        return false;
    }

    private static Throwable rootCause(Throwable e)
    {
        Throwable t = e;
        // Bounded: a cause chain can be cyclic.
        for (int depth = 0; depth < 64 && t.getCause() != null && t.getCause() != t; depth++) {
            t = t.getCause();
        }
        return t;
    }
}
