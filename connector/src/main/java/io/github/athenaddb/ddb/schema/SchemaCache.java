package io.github.athenaddb.ddb.schema;

import org.apache.arrow.vector.types.pojo.Schema;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Inferred schemas per DynamoDB table, kept for {@code schema_cache_seconds} in a Lambda
 * instance. Athena asks for a table's schema at the start of every query, and inferring it reads
 * a sample of up to 1,000 items (18 RCU for the example table): a warm instance answers from here.
 * An attribute first written after the schema was cached appears when the entry expires.
 */
public final class SchemaCache
{
    private record Entry(Schema schema, Instant expires) {}

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** @param ttl zero turns caching off */
    public SchemaCache(Duration ttl, Clock clock)
    {
        this.ttl = requireNonNull(ttl, "ttl is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Schema get(String table, Supplier<Schema> infer)
    {
        if (ttl.isZero()) {
            return infer.get();
        }
        Instant now = clock.instant();
        Entry entry = entries.get(table);
        if (entry == null || !now.isBefore(entry.expires())) {
            entry = new Entry(infer.get(), now.plus(ttl));
            entries.put(table, entry);
        }
        return entry.schema();
    }
}
