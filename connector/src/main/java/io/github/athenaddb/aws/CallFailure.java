package io.github.athenaddb.aws;

import io.github.athenaddb.ConnectorConfig;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The one line that says how an AWS call failed without an answer from the service: which call,
 * where it went, how often it was tried, and what to change. A user reads it in Athena's error,
 * so it holds no stack trace and no SDK internals.
 *
 * @param call as {@link AwsCallName} names it
 * @param endpoint where the request went, when it got as far as that
 * @param attempts requests sent, retries included
 * @param lastAnswer the error code the last attempt was answered with; empty when it had no answer
 */
public record CallFailure(String call, Optional<String> endpoint, int attempts, Optional<String> lastAnswer, CallTimeouts.Limit limit)
{
    public CallFailure
    {
        requireNonNull(call, "call is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(lastAnswer, "lastAnswer is null");
        requireNonNull(limit, "limit is null");
    }

    /** The whole call ran out of time (retries and their pauses included). */
    public String callTimedOut()
    {
        String within = seconds(limit.total()) + (limit.byLambda() ? ", the time left in this Lambda invocation" : "");
        if (lastAnswer.isPresent()) {
            return call + " still failed after " + within + " (" + where() + ", the last answered " + lastAnswer.get() + ")"
                    + (isThrottling(lastAnswer.get()) ? ": the service is throttling these calls; try again later or raise the capacity" : "");
        }
        return call + " did not answer within " + within + " (" + where() + "): check that the endpoint is up and reachable, or raise "
                + (limit.byLambda() ? "the function's timeout" : ConnectorConfig.AWS_CALL_TIMEOUT_SECONDS);
    }

    /** Every attempt ran out of time, and the SDK had no retry left. */
    public String attemptsTimedOut()
    {
        return call + " did not answer within " + seconds(limit.attempt()) + " on any of " + attempts + " attempts ("
                + endpoint.map(e -> "endpoint " + e).orElse("endpoint unknown") + "): check that the endpoint is up and reachable, or raise "
                + ConnectorConfig.AWS_CALL_ATTEMPT_TIMEOUT_SECONDS;
    }

    /** The call failed on the client's side (connection refused, unknown host, no credentials...). */
    public String failed(String reason)
    {
        return call + " failed" + (attempts > 1 ? " after " + attempts + " attempts" : "") + endpoint.map(e -> " (endpoint " + e + ")").orElse("")
                + ": " + reason;
    }

    private String where()
    {
        return endpoint.map(e -> "endpoint " + e + ", ").orElse("") + attempts + (attempts == 1 ? " attempt" : " attempts");
    }

    /** The codes AWS services answer when they throttle (DynamoDB, Glue, KMS, S3's SlowDown...). */
    static boolean isThrottling(String code)
    {
        return code.contains("Throttl") || code.equals("ProvisionedThroughputExceededException") || code.equals("RequestLimitExceeded")
                || code.equals("SlowDown") || code.equals("TooManyRequestsException") || code.equals("HTTP 429");
    }

    /** "30 s", "2.5 s", "800 ms": to a tenth of a second, as 1,999 ms of a Lambda's time left is 2 s. */
    static String seconds(Duration d)
    {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        long tenths = Math.round(millis / 100.0);
        return tenths % 10 == 0 ? tenths / 10 + " s" : String.format(Locale.ROOT, "%.1f s", tenths / 10.0);
    }
}
