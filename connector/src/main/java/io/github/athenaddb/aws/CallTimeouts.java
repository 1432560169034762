package io.github.athenaddb.aws;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How long one AWS call may take: each attempt, and the whole call with the SDK's retries and
 * their pauses. Without a bound, an endpoint that stops answering mid-Scan held a query for
 * 278 s (nine attempts, each ended by the HTTP client's 30 s read timeout).
 *
 * <p>Defaults: 10 s an attempt, far above a healthy answer (a 1 MB Scan page takes well under a
 * second) so that only a stuck connection is cut, and then retried on a fresh one; 30 s a call,
 * room for three stuck attempts, or for the SDK's throttling retries (pauses from 0.5 s,
 * doubling), while a query still fails in seconds rather than minutes.
 *
 * <p>In Lambda a call never gets more than the invocation's remaining time less
 * {@link #LAMBDA_MARGIN}: when Lambda ends an invocation for its timeout, Athena shows only
 * "Task timed out", not which call hung.
 */
public record CallTimeouts(Duration attempt, Duration total)
{
    public static final CallTimeouts DEFAULT = new CallTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
    /** Time kept to send the error back: translating it takes milliseconds; the rest covers a GC pause. */
    public static final Duration LAMBDA_MARGIN = Duration.ofSeconds(2);
    /** A call is never given less, even with almost no time left: a GetItem still answers in that. */
    static final Duration SHORTEST = Duration.ofMillis(100);

    public CallTimeouts
    {
        requireNonNull(attempt, "attempt is null");
        requireNonNull(total, "total is null");
        if (attempt.compareTo(total) > 0) {
            throw new IllegalArgumentException("attempt timeout " + attempt + " exceeds the call timeout " + total);
        }
    }

    /** The limits a call gets; {@code byLambda} says that the invocation's remaining time set them. */
    public record Limit(Duration attempt, Duration total, boolean byLambda) {}

    /** @param timeLeft what is left of the Lambda invocation, empty when unknown (not in Lambda) */
    public Limit forCall(Optional<Duration> timeLeft)
    {
        Optional<Duration> usable = timeLeft.map(left -> max(SHORTEST, left.minus(LAMBDA_MARGIN)));
        if (usable.isEmpty() || usable.get().compareTo(total) >= 0) {
            return new Limit(attempt, total, false);
        }
        Duration bound = usable.get();
        return new Limit(attempt.compareTo(bound) > 0 ? bound : attempt, bound, true);
    }

    private static Duration max(Duration a, Duration b)
    {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
