package io.github.athenaddb.ddb.schema;

import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
