package io.github.athenaddb.ddb.schema.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Schemas shared by the processes of one machine (athena-local's queries) as one file per entry,
 * named after the entry's key (a digest). Written whole, then renamed into place, so a process
 * never reads half an entry. Not encrypted: the files hold column names and types, no item.
 */
public final class FileSchemaStore
        implements SchemaStore
{
    private static final Logger log = LoggerFactory.getLogger(FileSchemaStore.class);

    private final Path directory;

    public FileSchemaStore(Path directory)
    {
        this.directory = requireNonNull(directory, "directory is null");
    }

    @Override
    public Optional<StoredSchema> read(String key, Instant now)
    {
        Path file = directory.resolve(key);
        try {
            return StoredSchema.decode(Files.readAllBytes(file), key, now);
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException | IllegalArgumentException e) {
            log.warn("Schema cache file {} ignored (the table is sampled instead): {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void write(StoredSchema entry)
    {
        Path file = directory.resolve(entry.key());
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, entry.key(), ".tmp");
            try {
                Files.write(temp, entry.encode());
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            finally {
                Files.deleteIfExists(temp);
            }
        }
        catch (IOException | RuntimeException e) {
            log.warn("Schema cache file {} not written (a later process samples the table again): {}", file, e.toString());
        }
    }

    @Override
    public String toString()
    {
        return "directory " + directory;
    }
}
