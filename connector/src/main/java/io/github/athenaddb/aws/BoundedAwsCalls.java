package io.github.athenaddb.aws;

import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Bounds every AWS call in this JVM ({@link CallTimeouts}) and turns a call that failed without
 * the service's answer into one line naming the call ({@link CallFailure}).
 *
 * <p>It is a global SDK interceptor (the classpath resource
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}) because the federation
 * connector builds clients in several places, some with the SDK's defaults ({@code KmsClient.create()}
 * for spill data keys, {@code AthenaClient.create()} for query status checks), and the federation
 * SDK's classes call whatever client they are given. Its settings are therefore the process's, as the
 * endpoints given to those clients are: {@link #use} sets the configured timeouts when the
 * handler is built, {@link #invocationStarted} the remaining time of each Lambda invocation.
 */
public final class BoundedAwsCalls
        implements ExecutionInterceptor
{
    private static final ExecutionAttribute<CallTimeouts.Limit> LIMIT = new ExecutionAttribute<>("BoundedAwsCalls.limit");
    private static final ExecutionAttribute<Integer> ATTEMPTS = new ExecutionAttribute<>("BoundedAwsCalls.attempts");
    /** The error code the latest attempt was answered with; "" while it has no answer. */
    private static final ExecutionAttribute<String> LAST_ANSWER = new ExecutionAttribute<>("BoundedAwsCalls.lastAnswer");
    /** An error body is a few hundred bytes; anything larger is not read for its code. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Pattern JSON_CODE = Pattern.compile("\"__type\"\\s*:\\s*\"(?:[^\"#]*#)?([^\":]+)");
    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]+)</Code>");

    private static volatile CallTimeouts timeouts = CallTimeouts.DEFAULT;
    /** System.nanoTime() at which the current Lambda invocation ends; null outside one. */
    private static volatile Long invocationEndsAt;

    /** The configured timeouts, for every call from now on. */
    public static void use(CallTimeouts configured)
    {
        timeouts = requireNonNull(configured, "configured is null");
    }

    /**
     * A Lambda invocation started with this much time left. A Context that reports none (a test's
     * mock) sets no deadline. Lambda runs one invocation at a time per instance, so one deadline
     * serves every thread of it, the Scan prefetch threads included.
     */
    public static void invocationStarted(long remainingMillis)
    {
        invocationEndsAt = remainingMillis > 0 ? System.nanoTime() + remainingMillis * 1_000_000 : null;
    }

    public static void invocationEnded()
    {
        invocationEndsAt = null;
    }

    static CallTimeouts.Limit currentLimit()
    {
        Long endsAt = invocationEndsAt;
        return timeouts.forCall(endsAt == null ? Optional.empty() : Optional.of(Duration.ofNanos(endsAt - System.nanoTime())));
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes)
    {
        attributes.putAttribute(ATTEMPTS, 0);
        attributes.putAttribute(LAST_ANSWER, "");
        if (!(context.request() instanceof AwsRequest request)
                || request.overrideConfiguration().flatMap(AwsRequestOverrideConfiguration::apiCallTimeout).isPresent()) {
            return context.request(); // a caller's own timeout wins
        }
        CallTimeouts.Limit limit = currentLimit();
        attributes.putAttribute(LIMIT, limit);
        AwsRequestOverrideConfiguration.Builder override = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder).orElseGet(AwsRequestOverrideConfiguration::builder);
        return request.toBuilder().overrideConfiguration(override.apiCallTimeout(limit.total()).apiCallAttemptTimeout(limit.attempt()).build())
                .build();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes)
    {
        attributes.putAttribute(ATTEMPTS, attributes.getAttribute(ATTEMPTS) + 1);
        attributes.putAttribute(LAST_ANSWER, "");
    }

    /** Notes the code of an error answer, which the SDK does not keep once a retry is cut short by the call's timeout. */
    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes)
    {
        int status = context.httpResponse().statusCode();
        if (status < 400 || context.responseBody().isEmpty()
                || context.httpResponse().firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(0L) > MAX_ERROR_BODY) {
            return context.responseBody();
        }
        byte[] body;
        try {
            body = context.responseBody().get().readNBytes(MAX_ERROR_BODY);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        attributes.putAttribute(LAST_ANSWER, errorCode(status, new String(body, StandardCharsets.UTF_8)));
        return Optional.of(new ByteArrayInputStream(body));
    }

    static String errorCode(int status, String body)
    {
        Matcher json = JSON_CODE.matcher(body);
        if (json.find()) {
            return json.group(1).trim();
        }
        Matcher xml = XML_CODE.matcher(body);
        return xml.find() ? xml.group(1).trim() : "HTTP " + status;
    }

    /** The SDK requires the same exception class back: only the message (and, for a timeout, the cause) change. */
    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes)
    {
        Throwable e = context.exception();
        CallTimeouts.Limit limit = attributes.getAttribute(LIMIT);
        if (limit == null || !(e instanceof SdkClientException)) {
            return e;
        }
        String lastAnswer = attributes.getAttribute(LAST_ANSWER);
        CallFailure failure = new CallFailure(
                AwsCallName.of(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                        context.request()),
                context.httpRequest().map(BoundedAwsCalls::endpoint), attributes.getAttribute(ATTEMPTS),
                lastAnswer == null || lastAnswer.isEmpty() ? Optional.empty() : Optional.of(lastAnswer), limit);
        if (e instanceof ApiCallTimeoutException) {
            // The last answer becomes the cause, so that a call throttled until its time ran out still reads as throttling.
            return sameTrace(e, ApiCallTimeoutException.builder().message(failure.callTimedOut())
                    .cause(failure.lastAnswer().map(BoundedAwsCalls::lastAnswer).orElse(null)).build());
        }
        if (e instanceof ApiCallAttemptTimeoutException) {
            return sameTrace(e, ApiCallAttemptTimeoutException.builder().message(failure.attemptsTimedOut()).build());
        }
        if (e.getClass() == SdkClientException.class) {
            return sameTrace(e, SdkClientException.builder().message(failure.failed(reason(e.getMessage()))).cause(e.getCause()).build());
        }
        return e;
    }

    /** The debug log shows where the call was made and each attempt's failure, as the SDK's own exception would. */
    private static Throwable sameTrace(Throwable original, Throwable rewritten)
    {
        rewritten.setStackTrace(original.getStackTrace());
        for (Throwable attempt : original.getSuppressed()) {
            rewritten.addSuppressed(attempt);
        }
        return rewritten;
    }

    private static AwsServiceException lastAnswer(String code)
    {
        return AwsServiceException.builder().message(code).statusCode(code.equals("HTTP 429") ? 429 : 400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    private static String endpoint(SdkHttpRequest request)
    {
        return request.getUri().getScheme() + "://" + request.getUri().getRawAuthority();
    }

    /** The SDK's message without its frame ("Unable to execute HTTP request: ... (SDK Attempt Count: 9)"). */
    static String reason(String message)
    {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return first.replaceFirst("^Unable to execute HTTP request: ", "").replaceFirst("\\s*\\(SDK Attempt Count: \\d+\\)$", "");
    }
}
