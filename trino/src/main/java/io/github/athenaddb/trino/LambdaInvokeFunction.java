package io.github.athenaddb.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trino.spi.TrinoException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.github.athenaddb.trino.FederationErrorCode.FEDERATION_SOURCE_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * A deployed federation Lambda, invoked as Athena invokes it: synchronously (RequestResponse),
 * the serialized request as the payload, the payload of the answer as the response. A function
 * that threw answers with a FunctionError and Lambda's error document; its {@code errorMessage}
 * (the connector's own message) becomes the query's error.
 */
final class LambdaInvokeFunction
        implements FederationFunction
{
    /**
     * A federation call may run as long as the function (at most 15 minutes): the HTTP client must
     * wait for it, where its default socket timeout (30 s) would abandon a long ReadRecords.
     */
    private static final Duration LAMBDA_MAX_RUNTIME = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String function;
    private final LambdaClient lambda;

    LambdaInvokeFunction(String function, LambdaClient lambda)
    {
        this.function = requireNonNull(function, "function is null");
        this.lambda = requireNonNull(lambda, "lambda is null");
    }

    static LambdaInvokeFunction create(String function, AwsSettings aws)
    {
        LambdaClientBuilder builder = LambdaClient.builder()
                .region(aws.awsRegion())
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(LAMBDA_MAX_RUNTIME.plusMinutes(1)))
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(LAMBDA_MAX_RUNTIME.plusMinutes(1)));
        aws.lambdaEndpoint().ifPresent(builder::endpointOverride);
        return new LambdaInvokeFunction(function, builder.build());
    }

    @Override
    public byte[] invoke(byte[] request)
    {
        InvokeResponse response;
        try {
            response = lambda.invoke(b -> b.functionName(function).invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromByteArray(request)));
        }
        catch (SdkException e) {
            throw new TrinoException(FEDERATION_SOURCE_ERROR, "Lambda function " + function + " could not be invoked: " + e.getMessage(), e);
        }
        byte[] payload = response.payload() == null ? new byte[0] : response.payload().asByteArray();
        if (response.functionError() != null) {
            throw new TrinoException(FEDERATION_SOURCE_ERROR, errorMessage(payload));
        }
        return payload;
    }

    /** Lambda's error document: {"errorMessage": ..., "errorType": ..., "stackTrace": [...]}; the message is what the connector said. */
    private String errorMessage(byte[] payload)
    {
        try {
            JsonNode error = JSON.readTree(payload);
            if (error != null && error.hasNonNull("errorMessage")) {
                return error.get("errorMessage").asText();
            }
        }
        catch (IOException notJson) {
            // Lambda's own failures (timeout, out of memory) can be plain text: shown as they are.
        }
        return "Lambda function " + function + " failed: " + new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public void close()
    {
        lambda.close();
    }
}
