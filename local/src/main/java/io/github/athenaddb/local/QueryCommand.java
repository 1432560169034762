package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.QueryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Runs one statement; rows on stdout, stats on stderr. Exit 2 on a bad statement. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run one SQL statement against DynamoDB through the connector, as Athena would.")
final class QueryCommand
        implements Callable<Integer>
{
    @ParentCommand
    AthenaLocal parent;

    @Mixin
    SourceOptions source = new SourceOptions();

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--stats-json", paramLabel = "FILE", description = "Write the statement's stats to FILE as one JSON object.")
    Path statsJson;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the statement from FILE.")
    Path file;

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "The statement (or use -f).")
    String sql;

    @Override
    public Integer call()
            throws IOException
    {
        ResultFormat resultFormat;
        try {
            resultFormat = ResultFormat.valueOf(format.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            return Failures.usage("--format must be table, csv or json, not '" + format + "'");
        }
        String statement = file != null ? Files.readString(file, StandardCharsets.UTF_8) : sql;
        if (statement == null || statement.isBlank()) {
            return Failures.usage("give a SQL statement, or -f FILE");
        }
        try (LocalConnector connector = source.connect(parent.environment()); LocalEngine engine = connector.engine(source.engineOptions())) {
            QueryResult result;
            try (Progress ignored = Progress.onTerminal()) {
                result = engine.execute(Statements.strip(statement));
            }
            resultFormat.print(result, System.out);
            System.err.print(StatsReport.text(result));
            if (statsJson != null) {
                Files.writeString(statsJson, StatsReport.json(result) + "\n", StandardCharsets.UTF_8);
            }
            return 0;
        }
        catch (Exception e) {
            return Failures.report(e, source.debug);
        }
    }
}
