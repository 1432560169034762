package io.github.athenaddb.local.engine;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The running {@code serve}s of one checkout, one file each ({@code serve-PORT.properties}) in a
 * directory that {@code bin/athena-local} places under {@code local/target}: a serve runs its
 * checkout's build, so a query from another checkout (another branch) must not get its answers.
 * A file is written whole (written aside, then renamed) once the server answers, and removed when
 * it stops; one left by a killed serve is stale (its process is gone, or is another process with
 * the same pid, or nothing listens on its port) and is removed by the next query that finds it.
 */
public final class ServeRegistry
{
    private static final String SUFFIX = ".properties";
    private static final int CONNECT_MILLIS = 300;

    private final Path directory;

    /** Where bin/athena-local has serves record themselves; unset, none is recorded or used. */
    public static final String DIRECTORY_PROPERTY = "athena.local.serve-dir";

    public ServeRegistry(Path directory)
    {
        this.directory = requireNonNull(directory, "directory is null");
    }

    /** The registry bin/athena-local names ({@link #DIRECTORY_PROPERTY}), if it names one. */
    public static Optional<ServeRegistry> fromSystemProperty()
    {
        return Optional.ofNullable(System.getProperty(DIRECTORY_PROPERTY)).map(dir -> new ServeRegistry(Path.of(dir)));
    }

    /**
     * A running serve of the same source, which answers without starting Trino in this JVM (half a
     * second instead of ten). One reading another source (another endpoint, region or setting) is
     * passed over: its answers would be another table's.
     */
    public Optional<ServeState> sameSource(LocalCatalogs catalogs)
    {
        String fingerprint = catalogs.fingerprint();
        return running().stream().filter(state -> state.fingerprint().equals(fingerprint)).findFirst();
    }

    /** Records a started serve; the returned file is removed by {@link #remove}. */
    public Path register(ServeState state)
    {
        Path file = directory.resolve("serve-" + state.baseUrl().getPort() + SUFFIX);
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, ".serve-", SUFFIX + ".partial");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                state.toProperties().store(out, "athena-local serve");
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot record the serve in " + directory, e);
        }
    }

    public static void remove(Path file)
    {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            // The next query finds it stale and removes it.
        }
    }

    /** The serves that are up, stale files removed on the way. */
    public List<ServeState> running()
    {
        List<ServeState> running = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return running;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "serve-*" + SUFFIX)) {
            for (Path file : files) {
                Optional<ServeState> state = read(file);
                if (state.isPresent() && isUp(state.get())) {
                    running.add(state.get());
                }
                else {
                    remove(file);
                }
            }
        }
        catch (IOException e) {
            // Nothing usable: the query starts its own engine.
        }
        return running;
    }

    private static Optional<ServeState> read(Path file)
    {
        try {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            return Optional.of(ServeState.fromProperties(properties));
        }
        catch (IOException | RuntimeException e) {
            // Unreadable (an older format, a truncated file): as good as stale.
            return Optional.empty();
        }
    }

    private static boolean isUp(ServeState state)
    {
        boolean sameProcess = ProcessHandle.of(state.pid())
                .filter(ProcessHandle::isAlive)
                .map(process -> ServeState.started(process).equals(state.started()))
                .orElse(false);
        return sameProcess && listens(state);
    }

    private static boolean listens(ServeState state)
    {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(state.baseUrl().getHost(), state.baseUrl().getPort()), CONNECT_MILLIS);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }
}
