package io.github.athenaddb.local.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How a query sent to a running serve gets its stats: they are the serve's (its connector made the
 * requests), so the serve writes each athena-local query's stats, when the query ends, to a file
 * named by Trino's query id beside its registration, and {@code query} waits for it, prints it as
 * its own and deletes it. Written whole and then renamed, so a reader never sees half of one.
 */
public final class ServeStatsFiles
{
    private static final String SUFFIX = ".stats";
    private static final String SEPARATOR = "\n--json--\n";

    private final Path directory;

    public ServeStatsFiles(Path directory)
    {
        this.directory = requireNonNull(directory, "directory is null");
    }

    /** A query's stats: the lines for people (per table read) and the JSON object of {@code --stats-json}. */
    public record Stats(String text, String json) {}

    public void write(String queryId, Stats stats)
    {
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, ".query-", SUFFIX + ".partial");
            Files.writeString(partial, stats.text() + SEPARATOR + stats.json(), StandardCharsets.UTF_8);
            Files.move(partial, file(queryId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the stats of query " + queryId + " in " + directory, e);
        }
    }

    /**
     * The query's stats, taken (the file is deleted), once the serve has written them: it does when
     * Trino tells it the query ended, a moment after the client read the last row.
     */
    public Optional<Stats> take(String queryId, Duration wait)
            throws InterruptedException
    {
        Path file = file(queryId);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            Thread.sleep(10);
        }
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            Files.deleteIfExists(file);
            int split = content.indexOf(SEPARATOR);
            return split < 0 ? Optional.empty() : Optional.of(new Stats(content.substring(0, split), content.substring(split + SEPARATOR.length())));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Forgets the stats nobody took (a query whose client stopped first): when the serve stops. */
    public void clear()
    {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX + "*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException e) {
            // Left for the next serve to clear.
        }
    }

    private Path file(String queryId)
    {
        // Trino's query ids are [0-9a-z_]: nothing else reaches a file name.
        return directory.resolve(queryId.replaceAll("[^0-9A-Za-z_]", "_") + SUFFIX);
    }
}
