package io.github.athenaddb.ddb.exec;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadRateLimiterTest
{
    private long now;
    private final List<Long> sleeps = new ArrayList<>();

    private ReadRateLimiter limiter(double unitsPerSecond)
    {
        return new ReadRateLimiter(unitsPerSecond, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
    }

    @Test
    void waitsUntilConsumedUnitsFitTheBudget()
    {
        ReadRateLimiter limiter = limiter(100);
        limiter.consumed(50);
        assertThat(sleeps).containsExactly(500_000_000L);
        now += 100_000_000L;
        limiter.consumed(100);
        // 150 units at 100/s must take 1.5 s; 0.6 s have passed.
        assertThat(sleeps).containsExactly(500_000_000L, 900_000_000L);
    }

    @Test
    void doesNotWaitWhenReadsAreSlowerThanTheBudget()
    {
        ReadRateLimiter limiter = limiter(100);
        now += 2_000_000_000L;
        limiter.consumed(100);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void zeroMeansUnlimited()
    {
        ReadRateLimiter limiter = limiter(0);
        limiter.consumed(1_000_000);
        assertThat(sleeps).isEmpty();
    }
}
