package io.github.athenaddb.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.athenaddb.local.engine.ClientStatements;
import io.github.athenaddb.local.engine.LocalCatalogs;
import io.github.athenaddb.local.engine.QueryFailure;
import io.github.athenaddb.local.engine.QueryResult;
import io.github.athenaddb.local.engine.ResultOutput;
import io.github.athenaddb.local.engine.ServedQuery;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A serve's endpoint for athena-local's {@code query}: the script is run here, by the serve's warm
 * Trino client over Trino's protocol, and printed here as {@code query} prints it (rows, stats,
 * errors, exit code), sent back as {@link ServeFrames}. A {@code query} then only starts a small
 * JVM that posts the script and copies the frames out: no Trino client, no JSON of results.
 * Only on 127.0.0.1, as the Trino server itself.
 */
final class ServeScripts
        implements AutoCloseable
{
    static final String PATH = "/athena-local/script";
    static final String FORMAT_HEADER = "X-Athena-Local-Format";
    static final String DEBUG_HEADER = "X-Athena-Local-Debug";
    /** How long a statement's stats may take after its last row (Trino tells the serve when the query is done). */
    private static final Duration STATS_WAIT = Duration.ofSeconds(2);

    private final HttpServer http;
    private final ExecutorService threads;
    private final URI trino;
    private final ServedStats stats;

    private ServeScripts(HttpServer http, ExecutorService threads, URI trino, ServedStats stats)
    {
        this.http = http;
        this.threads = threads;
        this.trino = trino;
        this.stats = stats;
    }

    static ServeScripts start(URI trino, ServedStats stats)
    {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "athena-local-script");
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(threads);
            ServeScripts scripts = new ServeScripts(http, threads, trino, stats);
            http.createContext(PATH, scripts::handle);
            http.start();
            return scripts;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1 for query's scripts", e);
        }
    }

    int port()
    {
        return http.getAddress().getPort();
    }

    /** A request's body: the statements as query split them, a {@link ServeFrames#STATEMENT} frame each. */
    static void writeStatements(List<String> statements, OutputStream body)
            throws IOException
    {
        DataOutputStream frames = new DataOutputStream(new BufferedOutputStream(body));
        for (String statement : statements) {
            ServeFrames.writeText(frames, ServeFrames.STATEMENT, statement);
        }
        ServeFrames.writeExit(frames, 0);
    }

    private static List<String> readStatements(InputStream body)
            throws IOException
    {
        List<String> statements = new ArrayList<>();
        ServeFrames.read(body, (channel, bytes) -> {
            if (channel != ServeFrames.STATEMENT) {
                throw new IOException("a request frame '" + (char) channel + "', not a statement");
            }
            statements.add(new String(bytes, StandardCharsets.UTF_8));
        });
        return statements;
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            List<String> statements = readStatements(exchange.getRequestBody());
            String format = Optional.ofNullable(exchange.getRequestHeaders().getFirst(FORMAT_HEADER)).orElse("table");
            boolean debug = Boolean.parseBoolean(exchange.getRequestHeaders().getFirst(DEBUG_HEADER));
            exchange.sendResponseHeaders(200, 0);
            DataOutputStream frames = new DataOutputStream(new BufferedOutputStream(exchange.getResponseBody()));
            PrintStream out = new PrintStream(ServeFrames.channel(frames, ServeFrames.OUT), false, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(ServeFrames.channel(frames, ServeFrames.ERR), true, StandardCharsets.UTF_8);
            int code = run(statements, format, debug, out, err, frames);
            out.flush();
            ServeFrames.writeExit(frames, code);
        }
    }

    private int run(List<String> statements, String formatName, boolean debug, PrintStream out, PrintStream err, DataOutputStream frames)
            throws IOException
    {
        ResultFormat format;
        try {
            format = ResultFormat.valueOf(formatName.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            return Failures.usage("--format must be table, csv or json, not '" + formatName + "'", err);
        }
        try (ClientStatements client = new ClientStatements(trino, LocalCatalogs.DYNAMODB_CATALOG, "default")) {
            for (int i = 0; i < statements.size(); i++) {
                if (i > 0 && format == ResultFormat.TABLE) {
                    out.println();
                }
                long start = System.nanoTime();
                CountingOutput rows = new CountingOutput(cancelWhenGone(format.output(out), out, client));
                String queryId;
                try {
                    queryId = client.execute(statements.get(i), rows);
                }
                catch (QueryFailure failure) {
                    out.flush();
                    return Failures.report(failure, debug, err);
                }
                long wall = (System.nanoTime() - start) / 1_000_000;
                out.flush();
                err.print(StatsReport.header(rows.count(), wall));
                Optional<ServedQuery> served = stats.take(queryId, STATS_WAIT);
                if (served.isPresent()) {
                    QueryResult cost = served.get().stats();
                    err.print(StatsReport.perTableText(cost));
                    // The time as the script saw it, as a statement run by query's own engine reports it.
                    QueryResult timed = new QueryResult(List.of(), List.of(), List.of(), wall, cost.sources());
                    ServeFrames.writeText(frames, ServeFrames.STATS_JSON, StatsReport.json(timed) + "\n");
                }
            }
            return 0;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Failures.FAILED;
        }
    }

    /** A query whose client went away (Ctrl-C) is cancelled at its next row, not read to the end for nobody. */
    private static ResultOutput cancelWhenGone(ResultOutput output, PrintStream out, ClientStatements client)
    {
        return new ResultOutput()
        {
            @Override
            public void begin(List<String> columns, List<String> types)
            {
                output.begin(columns, types);
            }

            @Override
            public void row(List<Object> values)
            {
                output.row(values);
                if (out.checkError()) {
                    client.cancel();
                }
            }

            @Override
            public void end()
            {
                output.end();
            }
        };
    }

    @Override
    public void close()
    {
        http.stop(0);
        threads.shutdownNow();
    }
}
