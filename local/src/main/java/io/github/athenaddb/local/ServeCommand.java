package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.QueryResult;
import io.github.athenaddb.local.engine.ServeRegistry;
import io.github.athenaddb.local.engine.ServeState;
import io.github.athenaddb.local.engine.ServedQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Trino's engine with the connector's catalogs as a server on 127.0.0.1, for the Trino CLI, JDBC,
 * DBeaver or a BI tool, until Ctrl-C; {@code query} sends its statements to it when it reads the
 * same source ({@link ServeRegistry}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run Trino with the connector's catalogs as a server on 127.0.0.1 (Trino CLI, JDBC, BI tools) until Ctrl-C.")
final class ServeCommand
        implements Callable<Integer>
{
    @ParentCommand
    AthenaLocal parent;

    @Mixin
    SourceOptions source = new SourceOptions();

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    /**
     * Each query's stats to {@code err}, any client's: StatsReport's lines, but the first, since a
     * server does not hold the rows it sent, so it says the time alone.
     */
    static Consumer<ServedQuery> reportingTo(PrintStream err)
    {
        return query -> {
            QueryResult stats = query.stats();
            err.print("-- query done in " + stats.wallMillis() + " ms" + System.lineSeparator() + StatsReport.perTableText(stats));
            err.flush();
        };
    }

    @Override
    public Integer call()
    {
        LocalConnector connector;
        LocalEngine engine;
        ServeScripts scripts;
        try {
            connector = source.connect(parent.environment());
            // Each query's cost in the server's own output, and for the scripts of athena-local's query, which print it as their own.
            ServedStats served = new ServedStats();
            engine = LocalEngine.serve(connector.catalogs(source.engineOptions()), source.engineOptions(), port,
                    reportingTo(System.err).andThen(served));
            scripts = ServeScripts.start(engine.baseUrl(), served);
        }
        catch (RuntimeException e) {
            return Failures.report(e, source.debug);
        }
        Optional<Path> recorded = Optional.empty();
        try {
            recorded = ServeRegistry.fromSystemProperty()
                    .map(registry -> registry.register(ServeState.of(engine.baseUrl(), scripts.port(), source.catalogs(parent.environment()))));
        }
        catch (UncheckedIOException e) {
            // The server works without it; only query will not find it.
            System.err.println("athena-local: " + e.getMessage() + ": query will start its own engine");
        }
        Optional<Path> file = recorded;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // First, so that no query picks a server that is going away.
            file.ifPresent(ServeRegistry::remove);
            scripts.close();
            engine.close();
            connector.close();
            stopped.countDown();
        }, "athena-local-stop"));
        System.out.println("Trino on " + engine.baseUrl() + "  JDBC: " + engine.jdbcUrl() + "  CLI: trino --server " + engine.baseUrl()
                + " --catalog ddb --schema default  (Ctrl-C stops)");
        System.out.flush();
        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
