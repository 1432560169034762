package io.github.athenaddb.ddb.schema;

import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import io.github.athenaddb.ddb.schema.store.SchemaCacheKey;
import io.github.athenaddb.ddb.schema.store.SchemaStore;
import io.github.athenaddb.ddb.schema.store.StoredSchema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCacheTest
{
    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");

    @Test
    void infersOncePerTableUntilTheEntryExpires()
    {
        AtomicInteger inferred = new AtomicInteger();
        MutableClock clock = new MutableClock(T0);
        SchemaCache cache = new SchemaCache(Duration.ofSeconds(300), clock);

        cache.get("Orders", () -> schema(inferred));
        cache.get("Orders", () -> schema(inferred));
        cache.get("Customers", () -> schema(inferred));
        assertThat(inferred).hasValue(2);

        clock.now = T0.plusSeconds(300);
        cache.get("Orders", () -> schema(inferred));
        assertThat(inferred).hasValue(3);
    }

    @Test
    void aColdCacheReadsTheSharedStoreBeforeSampling()
    {
        AtomicInteger inferred = new AtomicInteger();
        MutableClock clock = new MutableClock(T0);
        Map<String, StoredSchema> shared = new HashMap<>();
        AtomicInteger reads = new AtomicInteger();
        SchemaStore store = new SchemaStore()
        {
            @Override
            public Optional<StoredSchema> read(String key, Instant now)
            {
                reads.incrementAndGet();
                return Optional.ofNullable(shared.get(key)).filter(e -> now.isBefore(e.expires()));
            }

            @Override
            public void write(StoredSchema entry)
            {
                shared.put(entry.key(), entry);
            }
        };
        SchemaCacheKey keys = SchemaCacheKey.fromConfig(Map.of());

        new SchemaCache(Duration.ofSeconds(300), clock, store, keys).get("default.Orders", () -> schema(inferred));
        clock.now = T0.plusSeconds(200);
        SchemaCache cold = new SchemaCache(Duration.ofSeconds(300), clock, store, keys);
        cold.get("default.Orders", () -> schema(inferred));
        assertThat(inferred).as("sampled by the first process only").hasValue(1);

        clock.now = T0.plusSeconds(300);
        cold.get("default.Orders", () -> schema(inferred));
        assertThat(inferred).as("the shared entry's expiry holds in the process that read it").hasValue(2);

        SchemaCache shorter = new SchemaCache(Duration.ofSeconds(10), clock, store, keys);
        shorter.get("default.Orders", () -> schema(inferred));
        int readsBefore = reads.get();
        clock.now = T0.plusSeconds(309);
        shorter.get("default.Orders", () -> schema(inferred));
        assertThat(reads).hasValue(readsBefore);
        clock.now = T0.plusSeconds(310);
        shorter.get("default.Orders", () -> schema(inferred));
        assertThat(reads).as("kept no longer than the reader's own period, then read again").hasValue(readsBefore + 1);
        assertThat(inferred).hasValue(2);
    }

    @Test
    void zeroSecondsMeansNoCaching()
    {
        AtomicInteger inferred = new AtomicInteger();
        SchemaCache cache = new SchemaCache(Duration.ZERO, new MutableClock(T0));
        cache.get("Orders", () -> schema(inferred));
        cache.get("Orders", () -> schema(inferred));
        assertThat(inferred).hasValue(2);
    }

    private static Schema schema(AtomicInteger counter)
    {
        counter.incrementAndGet();
        return new Schema(List.of());
    }

    private static final class MutableClock
            extends Clock
    {
        Instant now;

        MutableClock(Instant now)
        {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone()
        {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone)
        {
            return this;
        }

        @Override
        public Instant instant()
        {
            return now;
        }
    }
}
