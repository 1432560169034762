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
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-modules=jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("athena-local", ".out");
        Path err = Files.createTempFile("athena-local", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("athena-local did not finish within 120 s: " + command);
            }
            // The JVM's own notice of --add-modules=jdk.incubator.vector, which Trino's engine needs: not athena-local's output.
            String errors = Files.readString(err, StandardCharsets.UTF_8).replaceFirst("^WARNING: Using incubator modules: jdk.incubator.vector\\R", "");
            return new CliProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errors);
        }
        finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
