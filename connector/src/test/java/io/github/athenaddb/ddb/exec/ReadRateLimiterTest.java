package io.github.athenaddb.ddb.exec;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget arithmetic, on a clock the test moves: sleeping advances it. */
class ReadRateLimiterTest
{
    private long now;
    private final List<Long> sleeps = new ArrayList<>();

    private ReadRateLimiter limiter(double cap)
    {
        return new ReadRateLimiter(cap, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
    }

    private static long seconds(double s)
    {
        return Math.round(s * 1e9);
    }

    @Test
    void waitsUntilConsumedUnitsFitTheBudget()
    {
        ReadRateLimiter limiter = limiter(100);
        limiter.join(100);
        limiter.consumed(50);
        assertThat(sleeps).containsExactly(seconds(0.5));
        now += seconds(0.1);
        limiter.consumed(100);
        // 150 units at 100/s must take 1.5 s; 0.6 s have passed.
        assertThat(sleeps).containsExactly(seconds(0.5), seconds(0.9));
    }

    @Test
    void unusedUnitsAreSavedForOneSecondOfTheRateAtMost()
    {
        ReadRateLimiter limiter = limiter(100);
        limiter.join(100);
        now += seconds(60);
        limiter.consumed(100);
        assertThat(sleeps).isEmpty();
        // The minute of idling saved only 100 units: the next 100 are paid for in full.
        limiter.consumed(100);
        assertThat(sleeps).containsExactly(seconds(1));
    }

    @Test
    void splitsThatConsumeAtOnceQueueUp()
    {
        List<Long> waits = new ArrayList<>();
        ReadRateLimiter shared = new ReadRateLimiter(100, () -> now, waits::add);
        shared.join(50);
        shared.join(50);
        // Two splits each read a 1 MB page (128 units) at the same moment: the second waits for both.
        shared.consumed(128);
        shared.consumed(128);
        assertThat(waits).containsExactly(seconds(1.28), seconds(2.56));
    }

    @Test
    void aSplitThatJoinsAddsItsShareUpToTheCap()
    {
        ReadRateLimiter limiter = limiter(50);
        limiter.join(6.25);
        assertThat(limiter.rate()).isEqualTo(6.25);
        limiter.join(6.25);
        limiter.join(6.25);
        assertThat(limiter.rate()).isEqualTo(18.75);
        for (int i = 0; i < 10; i++) {
            limiter.join(6.25);
        }
        assertThat(limiter.rate()).isEqualTo(50);
    }

    @Test
    void overALongReadTheRateIsTheSumOfTheShares()
    {
        ReadRateLimiter limiter = limiter(50);
        limiter.join(25);
        limiter.join(25);
        long start = now;
        double consumed = 0;
        for (int page = 0; page < 40; page++) {
            limiter.consumed(128);
            consumed += 128;
            now += seconds(0.05);
        }
        double elapsed = (now - start) / 1e9;
        assertThat(consumed / elapsed).isBetween(49.0, 50.0);
    }

    @Test
    void zeroMeansUnlimited()
    {
        ReadRateLimiter limiter = limiter(0);
        limiter.join(10);
        limiter.consumed(1_000_000);
        assertThat(sleeps).isEmpty();
        ReadRateLimiter.UNLIMITED.consumed(1_000_000);
    }
}
