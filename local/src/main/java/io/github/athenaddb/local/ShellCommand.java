package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.QueryFailure;
import io.github.athenaddb.local.engine.QueryResult;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * An interactive SQL prompt with history (~/.athena_local_history). A statement ends with a
 * semicolon; {@code explain <statement>} shows its pushdown; {@code quit} leaves.
 */
@Command(name = "shell", mixinStandardHelpOptions = true, description = "Interactive SQL prompt over the connector.")
final class ShellCommand
        implements Callable<Integer>
{
    /** A terminal is no place for a million rows: the first ones, and how many were left out. */
    static final int MAX_ROWS_SHOWN = 1000;

    @ParentCommand
    AthenaLocal parent;

    @Mixin
    SourceOptions source = new SourceOptions();

    @Override
    public Integer call()
            throws IOException, SQLException
    {
        try (LocalConnector connector = source.connect(parent.environment()); LocalEngine engine = connector.engine(source.engineOptions());
                Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).encoding(StandardCharsets.UTF_8).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".athena_local_history"))
                    .build();
            terminal.writer().println("athena-local shell: end statements with ';', 'explain <statement>;' for the plan, 'quit' to leave.");
            StringBuilder statement = new StringBuilder();
            while (true) {
                String line;
                try {
                    line = reader.readLine(statement.length() == 0 ? "athena> " : "     -> ");
                }
                catch (UserInterruptException e) {
                    statement.setLength(0);
                    continue;
                }
                catch (EndOfFileException e) {
                    return 0;
                }
                String trimmed = line.strip();
                if (statement.length() == 0 && (trimmed.equalsIgnoreCase("quit") || trimmed.equalsIgnoreCase("exit"))) {
                    return 0;
                }
                statement.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    run(engine, Statements.strip(statement.toString()), terminal);
                    statement.setLength(0);
                }
            }
        }
    }

    /** Runs one statement; Ctrl-C meanwhile cancels it, and only it. */
    private void run(LocalEngine engine, String sql, Terminal terminal)
    {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> engine.cancel());
        try {
            if (sql.isBlank()) {
                return;
            }
            if (sql.toLowerCase(Locale.ROOT).startsWith("explain ")) {
                terminal.writer().print(engine.explain(sql.substring("explain ".length())));
            }
            else {
                QueryResult result;
                try (Progress ignored = Progress.onTerminal(engine::progress)) {
                    result = engine.execute(sql);
                }
                PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
                ResultFormat.TABLE.print(firstRows(result), out);
                if (result.rows().size() > MAX_ROWS_SHOWN) {
                    out.printf(Locale.ROOT, "-- %,d more rows not shown (the shell shows %,d; use query --format csv for all)%n",
                            result.rows().size() - MAX_ROWS_SHOWN, MAX_ROWS_SHOWN);
                }
                terminal.writer().print(StatsReport.text(result));
            }
        }
        catch (Exception e) {
            if (source.debug) {
                e.printStackTrace(terminal.writer());
            }
            terminal.writer().println("error: " + (e instanceof QueryFailure failure ? failure.oneLine() : Failures.message(e)));
        }
        finally {
            terminal.handle(Terminal.Signal.INT, previous);
            terminal.writer().flush();
        }
    }

    private static QueryResult firstRows(QueryResult result)
    {
        if (result.rows().size() <= MAX_ROWS_SHOWN) {
            return result;
        }
        return new QueryResult(result.columns(), result.types(), result.rows().subList(0, MAX_ROWS_SHOWN), result.wallMillis(), result.sources());
    }
}
