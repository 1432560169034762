package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.ClientStatements;
import io.github.athenaddb.local.engine.EngineLogs;
import io.github.athenaddb.local.engine.LocalCatalogs;
import io.github.athenaddb.local.engine.LocalTrino;
import io.github.athenaddb.local.engine.QueryFailure;
import io.github.athenaddb.local.engine.ResultOutput;
import io.github.athenaddb.local.engine.ServeRegistry;
import io.github.athenaddb.local.engine.ServeState;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * athena-local on Trino's engine ({@code bin/athena-local serve}, {@code bin/athena-local
 * trino-query}): the DynamoDB connector in-process behind catalogs {@code ddb} and
 * {@code "lambda:ddb"}, reached as Athena reaches it, through the federation wire.
 * <ul>
 * <li>{@code serve [--port N]}: a Trino server on 127.0.0.1 for the Trino CLI, JDBC, DBeaver, until Ctrl-C;</li>
 * <li>{@code query SQL | -f FILE}: the statements' rows on stdout; exit 2 for the user's statement or
 * names, 1 for any other failure (the source's above all), each one line on stderr. Sent to a
 * running serve of the same source when there is one ({@link ServeRegistry}), without loading
 * Trino's engine in this JVM; else to an engine started for this query.</li>
 * </ul>
 */
public final class TrinoLocal
{
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    /** Where bin/athena-local has serves record themselves (see {@link ServeRegistry}); unset, none is recorded or used. */
    static final String SERVE_DIR_PROPERTY = "athena.local.serve-dir";

    private final Map<String, String> environment;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final Optional<ServeRegistry> serves;

    TrinoLocal(Map<String, String> environment, InputStream stdin, PrintStream out, PrintStream err)
    {
        this(environment, stdin, out, err, Optional.empty());
    }

    TrinoLocal(Map<String, String> environment, InputStream stdin, PrintStream out, PrintStream err, Optional<ServeRegistry> serves)
    {
        this.serves = serves;
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args)
    {
        Optional<ServeRegistry> serves = Optional.ofNullable(System.getProperty(SERVE_DIR_PROPERTY)).map(dir -> new ServeRegistry(Path.of(dir)));
        TrinoLocal local = new TrinoLocal(System.getenv(), System.in, System.out, System.err, serves);
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
        if (arguments.command().equals("query") && !arguments.noServe()) {
            Optional<ServeState> serve = runningServe(catalogs, arguments.debug());
            if (serve.isPresent()) {
                return query(serve.get().baseUrl(), statements, arguments);
            }
        }
        EngineLogs.quiet(arguments.command().equals("serve"), arguments.debug());
        LocalTrino trino;
        try {
            trino = LocalTrino.start(catalogs, arguments.command().equals("serve") ? arguments.port() : 0);
        }
        catch (RuntimeException e) {
            return startFailed(e, arguments.debug());
        }
        return arguments.command().equals("serve") ? serve(trino, catalogs) : queryOnEngine(trino, statements, arguments);
    }

    /**
     * A running serve of the same source, which answers without starting Trino in this JVM (a
     * second instead of ten). One reading another source (another endpoint, region or setting) is
     * passed over, and the query starts its own engine: its answers would be another table's.
     */
    private Optional<ServeState> runningServe(LocalCatalogs catalogs, boolean debug)
    {
        if (serves.isEmpty()) {
            return Optional.empty();
        }
        List<ServeState> running = serves.get().running();
        String fingerprint = catalogs.fingerprint();
        Optional<ServeState> same = running.stream().filter(state -> state.fingerprint().equals(fingerprint)).findFirst();
        if (debug) {
            if (same.isPresent()) {
                err.println("athena-local: sending the statements to the serve on " + same.get().baseUrl());
            }
            for (ServeState other : running) {
                if (!other.fingerprint().equals(fingerprint)) {
                    err.println("athena-local: not using the serve on " + other.baseUrl() + ": it reads " + other.source()
                            + ", this query " + ServeState.source(catalogs.dynamodbEndpointSetting(), catalogs.regionSetting())
                            + " (or another setting differs)");
                }
            }
        }
        return same;
    }

    private int serve(LocalTrino trino, LocalCatalogs catalogs)
    {
        Optional<Path> recorded = Optional.empty();
        try {
            recorded = serves.map(registry -> registry.register(ServeState.of(trino.baseUrl(), catalogs)));
        }
        catch (UncheckedIOException e) {
            // The server works without it; only trino-query will not find it.
            err.println("athena-local: " + e.getMessage() + ": trino-query will start its own engine");
        }
        Optional<Path> file = recorded;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // First, so that no query picks a server that is going away.
            file.ifPresent(ServeRegistry::remove);
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

    private int queryOnEngine(LocalTrino trino, List<String> statements, LocalArguments arguments)
    {
        try (trino) {
            return query(trino.baseUrl(), statements, arguments);
        }
        catch (RuntimeException e) {
            // Stopping the engine failed, after the answer.
            return failed(e, arguments.debug());
        }
    }

    private int query(URI server, List<String> statements, LocalArguments arguments)
    {
        try (ClientStatements client = new ClientStatements(server, "ddb", "default")) {
            for (int i = 0; i < statements.size(); i++) {
                if (i > 0 && arguments.format().equals("table")) {
                    out.println();
                }
                client.execute(statements.get(i), output(arguments.format()));
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
            return failed(e, arguments.debug());
        }
    }

    private ResultOutput output(String format)
    {
        return switch (format) {
            case "table" -> new TableOutput(out);
            case "csv" -> new CsvOutput(out);
            case "json" -> new JsonLinesOutput(out);
            default -> throw new IllegalArgumentException("--format must be table, csv or json, not '" + format + "'");
        };
    }

    private int failed(RuntimeException e, boolean debug)
    {
        if (debug) {
            e.printStackTrace(err);
        }
        err.println("athena-local: " + firstLine(e));
        return FAILED;
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
}
