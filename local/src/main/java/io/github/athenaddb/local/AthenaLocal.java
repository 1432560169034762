package io.github.athenaddb.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Arrays;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** {@code bin/athena-local}: the connector on a laptop, called exactly as Athena calls it. */
@Command(name = "athena-local", mixinStandardHelpOptions = true, version = "athena-local 0.1.0",
        description = "Runs the Athena DynamoDB connector locally, with no AWS account.",
        subcommands = {DemoCommand.class, QueryCommand.class, ShellCommand.class, ExplainCommand.class, ServeCommand.class, LoadCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class AthenaLocal
        implements Runnable
{
    private final Map<String, String> environment;

    private AthenaLocal(Map<String, String> environment)
    {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    public static void main(String[] args)
    {
        CliLogs.configure(Arrays.asList(args).contains("--debug"));
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine()
    {
        return commandLine(System.getenv());
    }

    /**
     * @param environment where the connector's settings come from, by the names the Lambda reads
     *         from its own environment ({@code scan_segments}, {@code complex_columns}, ...)
     */
    static CommandLine commandLine(Map<String, String> environment)
    {
        // SQL often starts with a "-- comment" line; it is the statement, not an unknown option.
        return new CommandLine(new AthenaLocal(environment)).setUnmatchedOptionsArePositionalParams(true)
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    // A command that does not report its own failures (demo, shell) still gives one line for a bad setting.
                    if (e instanceof InvalidSettingException) {
                        return Failures.report(e, false);
                    }
                    throw e;
                });
    }

    /** The connector's settings from the environment, as the Lambda function reads them from its own. */
    Map<String, String> environment()
    {
        return environment;
    }

    @Override
    public void run()
    {
        new CommandLine(this).usage(System.out);
    }
}
