package io.github.athenaddb.local;

import java.sql.SQLException;

/** One-line errors and exit codes: 2 for a bad statement, usage or setting, 1 for anything else. */
final class Failures
{
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    private Failures() {}

    static int usage(String message)
    {
        System.err.println("athena-local: " + message);
        return BAD_INPUT;
    }

    static int report(Exception e, boolean debug)
    {
        if (debug) {
            e.printStackTrace();
        }
        System.err.println("athena-local: " + message(e));
        return e instanceof SQLException || rootCause(e) instanceof SQLException || isUserError(rootCause(e)) ? BAD_INPUT : FAILED;
    }

    /** The innermost message: Calcite wraps "Object 'x' not found" in several layers. */
    static String message(Throwable e)
    {
        Throwable root = rootCause(e);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static boolean isUserError(Throwable root)
    {
        if (root instanceof InvalidSettingException) {
            return true;
        }
        String name = root.getClass().getName();
        return name.startsWith("org.apache.calcite.sql.validate") || name.startsWith("org.apache.calcite.sql.parser")
                || name.startsWith("org.apache.calcite.runtime.CalciteContextException")
                || root instanceof com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
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
