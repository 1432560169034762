package io.github.athenaddb.local.engine;

import io.airlift.log.Logging;

import java.io.PrintStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Trino's engine logs its start-up and every query at INFO (airlift's logging, over
 * java.util.logging), and the connector logs each failed request, which the CLI already reports
 * in one line: only errors are shown, unless --debug. A server's log keeps warnings. Apart from
 * the CLI so that a query sent to a running serve does not load airlift's logging.
 */
public final class EngineLogs
{
    // Held: java.util.logging keeps loggers weakly, and a collected one would lose its level.
    private static final Logger LOGGING_START = Logger.getLogger("io.airlift.log.Logging");

    private EngineLogs() {}

    /** @param serve a server's log keeps warnings; a command's shows only errors */
    public static void quiet(boolean serve, boolean debug)
    {
        Level level = debug ? Level.INFO : serve ? Level.WARNING : Level.SEVERE;
        // Airlift's start announces itself ("Logging to stderr") after setting the root to INFO.
        LOGGING_START.setLevel(debug ? Level.INFO : Level.WARNING);
        Logger.getLogger("").setLevel(level);
        // Airlift sends System.out and System.err into its log; the CLI's rows and one-line errors stay where they were.
        PrintStream out = System.out;
        PrintStream err = System.err;
        Logging logging = Logging.initialize();
        System.setOut(out);
        System.setErr(err);
        logging.setRootLevel(debug ? io.airlift.log.Level.INFO : serve ? io.airlift.log.Level.WARN : io.airlift.log.Level.ERROR);
    }
}
