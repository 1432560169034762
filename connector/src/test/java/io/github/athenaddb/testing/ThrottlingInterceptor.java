package io.github.athenaddb.testing;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a share of the DynamoDB reads of every SDK client in the test JVM into the answer a
 * table under its provisioned capacity gives (HTTP 400, ProvisionedThroughputExceededException),
 * after the read was served: the SDK sees a throttled attempt and retries, as against DynamoDB.
 * Registered for every DynamoDB client ({@code software/amazon/awssdk/services/dynamodb/execution.interceptors}),
 * which the SDK chains after the global interceptors: a response passes through it first, so the
 * connector's own interceptor sees the throttled answer as it would see DynamoDB's. It does
 * nothing until {@link #throttle}.
 */
public final class ThrottlingInterceptor
        implements ExecutionInterceptor
{
    private static final Set<String> READS = Set.of("Scan", "Query", "GetItem", "BatchGetItem");
    private static final String BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
            + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}";
    private static final ExecutionAttribute<Boolean> THROTTLED = new ExecutionAttribute<>("ThrottlingInterceptor.throttled");
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static volatile double share;
    private static Random random = new Random(0);

    /** From now on, this share of reads (0 to 1) is throttled, chosen by a seeded random sequence. */
    public static synchronized void throttle(double readShare, long seed)
    {
        random = new Random(seed);
        COUNT.set(0);
        share = readShare;
    }

    /** Stops throttling; returns how many attempts were throttled. */
    public static int stop()
    {
        share = 0;
        return COUNT.get();
    }

    private static void close(InputStream served)
    {
        try {
            served.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized boolean draw()
    {
        return random.nextDouble() < share;
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes)
    {
        attributes.putAttribute(THROTTLED, false);
        if (share == 0 || !READS.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)) || !draw()) {
            return context.httpResponse();
        }
        attributes.putAttribute(THROTTLED, true);
        COUNT.incrementAndGet();
        return context.httpResponse().toBuilder().statusCode(400).removeHeader("x-amz-crc32")
                .putHeader("Content-Length", Integer.toString(BODY.length())).build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes)
    {
        if (Boolean.TRUE.equals(attributes.getAttribute(THROTTLED))) {
            // Closing the served answer's stream reads it to its end, which frees the connection for the retry.
            context.responseBody().ifPresent(ThrottlingInterceptor::close);
            return Optional.of(new ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8)));
        }
        return context.responseBody();
    }
}
