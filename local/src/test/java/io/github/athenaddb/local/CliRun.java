package io.github.athenaddb.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs athena-local in this JVM with stdout and stderr captured, as a script would see them. */
record CliRun(int exit, String out, String err)
{
    static CliRun of(String... args)
    {
        return withEnvironment(System.getenv(), args);
    }

    /** As if athena-local were started with exactly these environment variables. */
    static CliRun withEnvironment(Map<String, String> environment, String... args)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = AthenaLocal.commandLine(environment).execute(args);
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
        finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
