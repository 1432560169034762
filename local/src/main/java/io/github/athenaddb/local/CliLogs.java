package io.github.athenaddb.local;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The connector's logs (SLF4J over java.util.logging, as Trino's are) in a terminal: it logs each
 * split at INFO for CloudWatch, where a terminal wants the stats line instead, and each failed
 * request in one line, which the CLI prints as its own error. With --debug, the connector's
 * stack trace of a failure's cause (an SDK call's, say) is shown too.
 */
final class CliLogs
{
    // Held: java.util.logging keeps loggers weakly, and a collected one would lose its level.
    private static final Logger CONNECTOR = Logger.getLogger("io.github.athenaddb");
    private static final Logger HANDLER = Logger.getLogger("io.github.athenaddb.DdbCompositeHandler");
    private static final Logger ERRORS = Logger.getLogger("io.github.athenaddb.ErrorTranslator");

    private CliLogs() {}

    static void configure(boolean debug)
    {
        // One line per record: "WARNING: message", then the stack trace when there is one.
        System.setProperty("java.util.logging.SimpleFormatter.format", System.getProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n"));
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler stderr = new ConsoleHandler();
        stderr.setFormatter(new SimpleFormatter());
        stderr.setLevel(Level.ALL);
        root.addHandler(stderr);
        root.setLevel(Level.WARNING);
        CONNECTOR.setLevel(Level.WARNING);
        HANDLER.setLevel(Level.SEVERE);
        ERRORS.setLevel(debug ? Level.FINE : Level.WARNING);
    }
}
