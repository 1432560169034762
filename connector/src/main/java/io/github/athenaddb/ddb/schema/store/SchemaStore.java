package io.github.athenaddb.ddb.schema.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Inferred schemas shared beyond one process (Lambda instances through S3, athena-local's
 * processes through a directory), so that a cold one does not sample the table again. A store
 * never fails a query: an entry it cannot read or write is logged and treated as absent.
 */
public interface SchemaStore
{
    SchemaStore NONE = new SchemaStore()
    {
        @Override
        public Optional<StoredSchema> read(String key, Instant now)
        {
            return Optional.empty();
        }

        @Override
        public void write(StoredSchema entry) {}

        @Override
        public String toString()
        {
            return "none";
        }
    };

    /** The entry stored under {@code key}, unless absent, expired at {@code now}, or unreadable. */
    Optional<StoredSchema> read(String key, Instant now);

    void write(StoredSchema entry);
}
