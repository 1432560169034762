package io.github.athenaddb.trino.local;

import io.airlift.log.Logging;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * athena-local on Trino's engine ({@code bin/athena-local serve}, {@code bin/athena-local
 * trino-query}): the DynamoDB connector in-process behind catalogs {@code ddb} and
 * {@code "lambda:ddb"}, reached as Athena reaches it, through the federation wire.
 * <ul>
 * <li>{@code serve [--port N]}: a Trino server on 127.0.0.1 for the Trino CLI, JDBC, DBeaver, until Ctrl-C;</li>
 * <li>{@code query SQL | -f FILE}: the statements' rows on stdout; exit 2 for the user's statement or
 * names, 1 for any other failure (the source's above all), each one line on stderr.</li>
 * </ul>
 */
public final class TrinoLocal
{
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    // Held: java.util.logging keeps loggers weakly, and a collected one would lose its level.
    private static final Logger LOGGING_START = Logger.getLogger("io.airlift.log.Logging");

    private final Map<String, String> environment;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;

    TrinoLocal(Map<String, String> environment, InputStream stdin, PrintStream out, PrintStream err)
    {
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args)
    {
        TrinoLocal local = new TrinoLocal(System.getenv(), System.in, System.out, System.err);
        int status = local.run(args);
        if (status != 0 || !(args.length > 0 && args[0].equals("serve"))) {
            // Trino's server leaves non-daemon threads behind; the answer is complete.
            System.exit(status);
        }
    }

    int run(String[] args)
    {
        LocalArguments arguments;
        try {
            arguments = LocalArguments.parse(args);
        }
        catch (IllegalArgumentException e) {
            err.println("athena-local: " + e.getMessage());
            return BAD_INPUT;
        }
        quietLogs(arguments);
        List<String> statements;
        try {
            statements = arguments.command().equals("query") ? statements(arguments) : List.of();
        }
        catch (IOException e) {
            err.println("athena-local: cannot read " + arguments.file().orElse("-") + ": " + e.getMessage());
            return BAD_INPUT;
        }
        if (arguments.command().equals("query") && statements.isEmpty()) {
            err.println("athena-local: no statement to run");
            return BAD_INPUT;
        }
        LocalCatalogs catalogs = new LocalCatalogs(environment, arguments.dynamodbEndpoint(), arguments.region());
        LocalTrino trino;
        try {
            trino = LocalTrino.start(catalogs, arguments.command().equals("serve") ? arguments.port() : 0);
        }
        catch (RuntimeException e) {
            return startFailed(e, arguments.debug());
        }
        return arguments.command().equals("serve") ? serve(trino) : query(trino, statements, arguments);
    }

    private int serve(LocalTrino trino)
    {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            trino.close();
            stopped.countDown();
        }, "athena-local-stop"));
        out.println("Trino on " + trino.baseUrl() + "  JDBC: " + trino.jdbcUrl() + "  CLI: trino --server " + trino.baseUrl()
                + " --catalog ddb --schema default  (Ctrl-C stops)");
        out.flush();
        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int query(LocalTrino trino, List<String> statements, LocalArguments arguments)
    {
        try (trino; ClientStatements client = new ClientStatements(trino.baseUrl(), "ddb", "default")) {
            for (int i = 0; i < statements.size(); i++) {
                if (i > 0 && arguments.format().equals("table")) {
                    out.println();
                }
                client.execute(statements.get(i), ResultOutput.of(arguments.format(), out));
            }
            return 0;
        }
        catch (QueryFailure e) {
            if (arguments.debug()) {
                e.printStackTrace(err);
            }
            err.println("athena-local: " + e.oneLine());
            return e.userError() ? BAD_INPUT : FAILED;
        }
        catch (RuntimeException e) {
            if (arguments.debug()) {
                e.printStackTrace(err);
            }
            err.println("athena-local: " + firstLine(e));
            return FAILED;
        }
    }

    private List<String> statements(LocalArguments arguments)
            throws IOException
    {
        if (arguments.sql().isPresent()) {
            return ScriptStatements.split(arguments.sql().get());
        }
        String file = arguments.file().orElseThrow();
        String script = file.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        return ScriptStatements.split(script);
    }

    /** The catalogs could not be created: most often a setting the connector refuses, which it names. */
    private int startFailed(RuntimeException e, boolean debug)
    {
        if (debug) {
            e.printStackTrace(err);
        }
        Throwable root = e;
        for (int depth = 0; depth < 64 && root.getCause() != null && root.getCause() != root; depth++) {
            root = root.getCause();
        }
        err.println("athena-local: " + firstLine(root));
        return root instanceof IllegalArgumentException ? BAD_INPUT : FAILED;
    }

    private static String firstLine(Throwable e)
    {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Trino's engine logs its start-up and every query at INFO (airlift's logging, over
     * java.util.logging), and the connector logs each failed request, which the CLI already
     * reports in one line: only errors are shown, unless --debug. A server's log keeps warnings.
     */
    private static void quietLogs(LocalArguments arguments)
    {
        boolean serve = arguments.command().equals("serve");
        Level level = arguments.debug() ? Level.INFO : serve ? Level.WARNING : Level.SEVERE;
        // Airlift's start announces itself ("Logging to stderr") after setting the root to INFO.
        LOGGING_START.setLevel(arguments.debug() ? Level.INFO : Level.WARNING);
        Logger.getLogger("").setLevel(level);
        Logging logging = Logging.initialize();
        logging.setRootLevel(arguments.debug() ? io.airlift.log.Level.INFO : serve ? io.airlift.log.Level.WARN : io.airlift.log.Level.ERROR);
        if (!arguments.debug()) {
            // The federation SDK warns on every GetSplits that Athena sent no configOptions, which no local request has.
            logging.setLevel("com.amazonaws.athena.connector.lambda.handlers.MetadataHandler", io.airlift.log.Level.ERROR);
        }
    }
}
