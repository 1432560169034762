package io.github.athenaddb.devkit;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Lambda context of an in-process invocation: 15 minutes left, logs to stderr. */
final class LocalLambdaContext
        implements Context
{
    private static final LambdaLogger LOGGER = new LambdaLogger()
    {
        @Override
        public void log(String message)
        {
            System.err.println(message);
        }

        @Override
        public void log(byte[] message)
        {
            System.err.println(new String(message, StandardCharsets.UTF_8));
        }
    };

    private final String requestId = UUID.randomUUID().toString();

    @Override
    public String getAwsRequestId()
    {
        return requestId;
    }

    @Override
    public String getLogGroupName()
    {
        return "local";
    }

    @Override
    public String getLogStreamName()
    {
        return "local";
    }

    @Override
    public String getFunctionName()
    {
        return "athena-ddb-local";
    }

    @Override
    public String getFunctionVersion()
    {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn()
    {
        return "arn:aws:lambda:us-east-1:000000000000:function:athena-ddb-local";
    }

    @Override
    public CognitoIdentity getIdentity()
    {
        return null;
    }

    @Override
    public ClientContext getClientContext()
    {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis()
    {
        return 900_000;
    }

    @Override
    public int getMemoryLimitInMB()
    {
        return 3008;
    }

    @Override
    public LambdaLogger getLogger()
    {
        return LOGGER;
    }
}
