package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ddb.schema.store.SchemaCacheKey;
import io.github.athenaddb.ddb.schema.store.SchemaStore;
import io.github.athenaddb.ddb.schema.store.StoredSchema;
import org.apache.arrow.vector.types.pojo.Schema;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Inferred schemas per DynamoDB table, kept for {@code schema_cache_seconds}. Athena asks for a
 * table's schema at the start of every query, and inferring it reads a sample of the table
 * (~15-20 RCU for the example table): a warm instance answers from memory, a cold one from the
 * shared store ({@link SchemaStore}: S3 for Lambda instances, files for athena-local's processes)
 * when another has sampled the table within the period. An entry read from the store expires
 * when it would have in the process that wrote it, so no schema outlives the period. An attribute
 * first written after the schema was cached appears when the entry expires.
 */
public final class SchemaCache
{
    private record Entry(Schema schema, Instant expires) {}

    private final Duration ttl;
    private final Clock clock;
    private final SchemaStore shared;
    private final SchemaCacheKey keys;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** @param ttl zero turns caching off */
    public SchemaCache(Duration ttl, Clock clock)
    {
        this(ttl, clock, SchemaStore.NONE, SchemaCacheKey.fromConfig(Map.of()));
    }

    /** @param keys the shared store's keys, which tell apart what this process's own keys do not (source, settings) */
    public SchemaCache(Duration ttl, Clock clock, SchemaStore shared, SchemaCacheKey keys)
    {
        this.ttl = requireNonNull(ttl, "ttl is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.shared = requireNonNull(shared, "shared is null");
        this.keys = requireNonNull(keys, "keys is null");
    }

    public Schema get(String table, Supplier<Schema> infer)
    {
        return get(table, "", infer);
    }

    /** @param definition what defines the table besides its name (a Glue table's description), part of the shared key */
    public Schema get(String table, String definition, Supplier<Schema> infer)
    {
        if (ttl.isZero()) {
            return infer.get();
        }
        String key = table + "\n" + definition;
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry == null || !now.isBefore(entry.expires())) {
            entry = load(table, definition, now, infer);
            entries.put(key, entry);
        }
        return entry.schema();
    }

    private Entry load(String table, String definition, Instant now, Supplier<Schema> infer)
    {
        String sharedKey = keys.of(table, definition);
        Optional<StoredSchema> stored = shared.read(sharedKey, now);
        if (stored.isPresent()) {
            // Never longer than this process's own period: another's may be longer, or its clock ahead.
            Instant expires = stored.get().expires().isBefore(now.plus(ttl)) ? stored.get().expires() : now.plus(ttl);
            return new Entry(stored.get().schema(), expires);
        }
        Entry inferred = new Entry(infer.get(), now.plus(ttl));
        shared.write(new StoredSchema(sharedKey, inferred.expires(), inferred.schema()));
        return inferred;
    }
}
