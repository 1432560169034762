package io.github.athenaddb.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Arrays;

/** {@code bin/athena-local}: the connector on a laptop, called exactly as Athena calls it. */
@Command(name = "athena-local", mixinStandardHelpOptions = true, version = "athena-local 0.1.0",
        description = "Runs the Athena DynamoDB connector locally, with no AWS account.",
        subcommands = {DemoCommand.class, QueryCommand.class, ShellCommand.class, ExplainCommand.class, LoadCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class AthenaLocal
        implements Runnable
{
    public static void main(String[] args)
    {
        // The connector logs each split at INFO for CloudWatch; a terminal wants the stats line instead.
        logLevel("io.github.athenaddb", "warn");
        // The connector logs each failed request in one line, which the CLI prints as its own error; with --debug, the
        // connector's stack trace of the cause (an SDK call's, say) is shown too.
        boolean debug = Arrays.asList(args).contains("--debug");
        logLevel("io.github.athenaddb.DdbCompositeHandler", "error");
        logLevel("io.github.athenaddb.ErrorTranslator", debug ? "debug" : "warn");
        System.exit(commandLine().execute(args));
    }

    /** Before any logger exists: slf4j-simple reads a logger's level once, when the logger is made. */
    private static void logLevel(String logger, String level)
    {
        String property = "org.slf4j.simpleLogger.log." + logger;
        System.setProperty(property, System.getProperty(property, level));
    }

    /** SQL often starts with a "-- comment" line; it is the statement, not an unknown option. */
    static CommandLine commandLine()
    {
        return new CommandLine(new AthenaLocal()).setUnmatchedOptionsArePositionalParams(true);
    }

    @Override
    public void run()
    {
        new CommandLine(this).usage(System.out);
    }
}
