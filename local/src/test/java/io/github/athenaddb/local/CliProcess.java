package io.github.athenaddb.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs athena-local in a JVM of its own, through its {@code main}, as {@code bin/athena-local}
 * does: what a user sees on stderr depends on the log levels {@code main} sets before any logger
 * exists, which a run inside the test JVM ({@link CliRun}) cannot show.
 */
record CliProcess(int exit, String out, String err)
{
    static CliProcess of(String... args)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), AthenaLocal.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("athena-local", ".out");
        Path err = Files.createTempFile("athena-local", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("athena-local did not finish within 120 s: " + command);
            }
            return new CliProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        }
        finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
