package io.github.athenaddb.testing;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access key id each request of every SDK client in the test JVM was signed with, read from
 * its SigV4 {@code Authorization} header as the service would: which credentials a client really
 * used, whatever it was configured with. Loaded like {@link RecordingInterceptor}; nothing is
 * recorded until {@link #start()}.
 */
public final class SigningKeys
        implements ExecutionInterceptor
{
    /** One signed request: the SDK's service name ("DynamoDb", "Sts", "Glue"), operation and access key id. */
    public record Signed(String service, String operation, String accessKeyId) {}

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
    private static final List<Signed> SIGNED = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    public static void start()
    {
        SIGNED.clear();
        recording = true;
    }

    public static List<Signed> stop()
    {
        recording = false;
        return List.copyOf(SIGNED);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes)
    {
        if (!recording) {
            return;
        }
        String authorization = context.httpRequest().firstMatchingHeader("Authorization").orElse("");
        Matcher key = CREDENTIAL.matcher(authorization);
        SIGNED.add(new Signed(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                key.find() ? key.group(1) : "(unsigned)"));
    }
}
