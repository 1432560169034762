package io.github.athenaddb.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** {@code bin/athena-local}: the connector on a laptop, called exactly as Athena calls it. */
@Command(name = "athena-local", mixinStandardHelpOptions = true, version = "athena-local 0.1.0",
        description = "Runs the Athena DynamoDB connector locally, with no AWS account.")
public final class AthenaLocal
        implements Runnable
{
    /**
     * The commands, in the order of the usage. Added by name rather than by the annotation, so that
     * a run builds the picocli model of its own command alone: building all of them took ~0.1 s
     * of a {@code query}'s start (reflection over every option), which matters to a query sent to
     * a running serve.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    private AthenaLocal(Map<String, String> environment)
    {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    public static void main(String[] args)
    {
        CliLogs.configure(Arrays.asList(args).contains("--debug"));
        System.exit(commandLine(System.getenv(), args).execute(args));
    }

    private static Map<String, Supplier<Object>> commands()
    {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("demo", DemoCommand::new);
        commands.put("query", QueryCommand::new);
        commands.put("shell", ShellCommand::new);
        commands.put("explain", ExplainCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("load", LoadCommand::new);
        commands.put("bench", BenchCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    /** Every command: for usage, help and tests. */
    static CommandLine commandLine(Map<String, String> environment)
    {
        return commandLine(environment, new String[0]);
    }

    /**
     * The command that {@code args} name, alone, or all of them when they name none (usage, {@code --help}).
     *
     * @param environment where the connector's settings come from, by the names the Lambda reads
     *         from its own environment ({@code scan_segments}, {@code complex_columns}, ...)
     */
    static CommandLine commandLine(Map<String, String> environment, String[] args)
    {
        CommandLine line = new CommandLine(new AthenaLocal(environment));
        Supplier<Object> named = args.length == 0 ? null : COMMANDS.get(args[0]);
        if (named != null && !args[0].equals("help")) {
            line.addSubcommand(args[0], named.get());
        }
        else {
            COMMANDS.forEach((name, command) -> line.addSubcommand(name, command.get()));
        }
        return configure(line);
    }

    private static CommandLine configure(CommandLine line)
    {
        // SQL often starts with a "-- comment" line; it is the statement, not an unknown option.
        return line.setUnmatchedOptionsArePositionalParams(true)
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
        spec.commandLine().usage(System.out);
    }
}
