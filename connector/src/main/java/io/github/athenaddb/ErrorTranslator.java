package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Turns whatever went wrong into the message Athena shows the user: what failed and where,
 * without a stack trace. The full trace goes to the function's log.
 */
public final class ErrorTranslator
{
    private static final Logger log = LoggerFactory.getLogger(ErrorTranslator.class);

    private ErrorTranslator() {}

    public static AthenaConnectorException translate(Exception e)
    {
        if (e instanceof ConnectorException ce) {
            return ce;
        }
        log.error("Request failed", e);
        if (e instanceof ResourceNotFoundException rnf) {
            return ConnectorException.notFound("DynamoDB: " + awsMessage(rnf));
        }
        if (e instanceof DynamoDbException ddb) {
            String code = ddb.awsErrorDetails() == null ? "" : ddb.awsErrorDetails().errorCode();
            String message = "DynamoDB " + code + ": " + awsMessage(ddb);
            if (ddb.isThrottlingException() || "ProvisionedThroughputExceededException".equals(code) || "RequestLimitExceeded".equals(code)) {
                return ConnectorException.throttled(message);
            }
            if (ddb.statusCode() == 403 || "AccessDeniedException".equals(code)) {
                return ConnectorException.accessDenied(message);
            }
            return ddb.statusCode() / 100 == 4 ? ConnectorException.invalidInput(message) : ConnectorException.internal(message);
        }
        if (e instanceof SdkClientException) {
            return ConnectorException.internal("Could not complete an AWS call: " + e.getMessage());
        }
        if (e instanceof AthenaConnectorException ace) {
            return ace;
        }
        if (e instanceof IllegalArgumentException) {
            return ConnectorException.invalidInput(e.getMessage());
        }
        return ConnectorException.internal("Internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage()
                + ". The function's log has the details.");
    }

    private static String awsMessage(DynamoDbException e)
    {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
    }
}
