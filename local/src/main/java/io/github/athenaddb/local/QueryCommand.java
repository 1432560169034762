package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.LocalCatalogs;
import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.QueryResult;
import io.github.athenaddb.local.engine.ServeRegistry;
import io.github.athenaddb.local.engine.ServeState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Runs statements (one, or a script's); rows on stdout, stats on stderr. Exit 2 for the user's
 * statement or names, 1 for any other failure. Sent to a running {@code serve} of the same source
 * when there is one, without starting Trino's engine in this JVM.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run SQL statements against DynamoDB through the connector, on Trino, as Athena would.")
final class QueryCommand
        implements Callable<Integer>
{
    @ParentCommand
    AthenaLocal parent;

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions source = new SourceOptions();

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--stats-json", paramLabel = "FILE", description = "Write each statement's stats to FILE, one JSON object per line.")
    Path statsJson;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the statements from FILE (';' between them); - for stdin.")
    String file;

    @Option(names = "--no-serve", description = "Start an engine for this query even when a serve of the same source is running.")
    boolean noServe;

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "The statement (or use -f).")
    String sql;

    @Override
    public Integer call()
    {
        ResultFormat resultFormat;
        try {
            resultFormat = ResultFormat.valueOf(format.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            return Failures.usage("--format must be table, csv or json, not '" + format + "'");
        }
        List<String> statements;
        try {
            statements = statements();
        }
        catch (IOException e) {
            return Failures.usage("cannot read " + file + ": " + e.getMessage());
        }
        if (statements.isEmpty()) {
            return Failures.usage("give a SQL statement, or -f FILE");
        }
        try {
            Optional<ServeState> serve = noServe || source.noPushdown ? Optional.empty() : runningServe(source.catalogs(parent.environment()));
            if (serve.isPresent()) {
                return onServe(serve.get(), statements, resultFormat);
            }
            return onOwnEngine(statements, resultFormat);
        }
        catch (Exception e) {
            return Failures.report(e, source.debug);
        }
    }

    private int onOwnEngine(List<String> statements, ResultFormat resultFormat)
            throws IOException
    {
        try (LocalConnector connector = source.connect(parent.environment()); LocalEngine engine = connector.engine(source.engineOptions())) {
            StringBuilder stats = new StringBuilder();
            for (int i = 0; i < statements.size(); i++) {
                QueryResult result;
                try (Progress ignored = Progress.onTerminal(engine::progress)) {
                    result = engine.execute(statements.get(i));
                }
                if (i > 0 && resultFormat == ResultFormat.TABLE) {
                    System.out.println();
                }
                resultFormat.print(result, System.out);
                System.err.print(StatsReport.text(result));
                stats.append(StatsReport.json(result)).append('\n');
            }
            if (statsJson != null) {
                Files.writeString(statsJson, stats, StandardCharsets.UTF_8);
            }
            return 0;
        }
    }

    /**
     * Through a running serve: it runs the statements and prints them, rows, stats and errors, as
     * they would print here ({@link ServeScripts}); this process copies its output.
     */
    private int onServe(ServeState serve, List<String> statements, ResultFormat resultFormat)
            throws IOException
    {
        if (source.debug) {
            System.err.println("athena-local: sending the statements to the serve on " + serve.baseUrl());
        }
        return ServeScriptClient.run(serve, statements, resultFormat.name(), source.debug, statsJson);
    }

    private Optional<ServeState> runningServe(LocalCatalogs catalogs)
    {
        return ServeRegistry.fromSystemProperty().flatMap(registry -> registry.sameSource(catalogs));
    }

    private List<String> statements()
            throws IOException
    {
        if (file != null && sql != null) {
            throw new ParameterException(spec.commandLine(), "give a statement or -f FILE, not both");
        }
        if (file == null) {
            return sql == null ? List.of() : Statements.split(sql);
        }
        String script = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        return Statements.split(script);
    }
}
