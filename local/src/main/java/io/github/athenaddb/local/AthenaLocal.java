package io.github.athenaddb.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
        System.setProperty("org.slf4j.simpleLogger.log.io.github.athenaddb", System.getProperty("org.slf4j.simpleLogger.log.io.github.athenaddb", "warn"));
        System.exit(commandLine().execute(args));
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
