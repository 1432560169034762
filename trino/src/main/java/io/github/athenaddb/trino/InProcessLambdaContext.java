package io.github.athenaddb.trino;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Lambda context of an in-process call. Handlers bound their own work by the time left, so
 * it says 15 minutes, Lambda's longest; logs go to stderr, the server log.
 */
record InProcessLambdaContext(String functionName, String awsRequestId)
        implements Context
{
    private static final int LAMBDA_MAX_MILLIS = 900_000;
    private static final LambdaLogger STDERR = new LambdaLogger()
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

    InProcessLambdaContext(String functionName)
    {
        this(functionName, UUID.randomUUID().toString());
    }

    @Override
    public String getAwsRequestId()
    {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName()
    {
        return "in-process";
    }

    @Override
    public String getLogStreamName()
    {
        return "in-process";
    }

    @Override
    public String getFunctionName()
    {
        return functionName;
    }

    @Override
    public String getFunctionVersion()
    {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn()
    {
        return "in-process:" + functionName;
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
        return LAMBDA_MAX_MILLIS;
    }

    @Override
    public int getMemoryLimitInMB()
    {
        return 3008;
    }

    @Override
    public LambdaLogger getLogger()
    {
        return STDERR;
    }
}
