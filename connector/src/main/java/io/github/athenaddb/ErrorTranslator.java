package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

/**
 * Turns whatever went wrong into the message Athena shows the user: what failed and where,
 * without a stack trace. The full trace goes to the function's log at DEBUG.
 */
public final class ErrorTranslator
{
    private static final Logger log = LoggerFactory.getLogger(ErrorTranslator.class);
    // The SDK's request deserializer reports a "@type" it has no deserializer for with this message only.
    private static final String SDK_UNKNOWN_TYPE = "No SerDe configured for ";

    private ErrorTranslator() {}

    public static ConnectorException translate(Exception e)
    {
        if (e instanceof ConnectorException ce) {
            return ce;
        }
        // The SDK wraps what is not a RuntimeException (a request that did not parse) in a bare one.
        if (e.getClass() == RuntimeException.class && e.getCause() instanceof Exception cause) {
            return translate(cause);
        }
        // The handler logs the translated message, once; the SDK's trace (30 to 120 frames) is for debugging only.
        log.debug("Request failed", e);
        if (e instanceof InvalidTypeIdException unknown) {
            return unknownRequestType(unknown.getTypeId());
        }
        if (e instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? "" : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
            return ConnectorException.invalidInput("Malformed request" + where + ": " + firstLine(json.getOriginalMessage()));
        }
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
            if ("UnknownOperationException".equals(code)) {
                // The endpoint (an emulator) lacks the operation: the source's limit, not the query's fault.
                return ConnectorException.withCode(FederationSourceErrorCode.OPERATION_NOT_SUPPORTED_EXCEPTION, message);
            }
            return ddb.statusCode() / 100 == 4 ? ConnectorException.invalidInput(message) : ConnectorException.internal(message);
        }
        if (e instanceof ApiCallTimeoutException && e.getCause() instanceof AwsServiceException last && last.isThrottlingException()) {
            return ConnectorException.throttled(firstLine(e.getMessage()));
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return ConnectorException.withCode(FederationSourceErrorCode.OPERATION_TIMEOUT_EXCEPTION, firstLine(e.getMessage()));
        }
        if (e instanceof SdkClientException) {
            // BoundedAwsCalls has named the call and its endpoint in the message.
            return ConnectorException.internal(firstLine(e.getMessage()));
        }
        if (e instanceof AthenaConnectorException ace && ace.getMessage() != null && ace.getMessage().startsWith(SDK_UNKNOWN_TYPE)) {
            return unknownRequestType(ace.getMessage().substring(SDK_UNKNOWN_TYPE.length()));
        }
        if (e instanceof AthenaConnectorException ace) {
            String code = ace.getErrorDetails() == null ? null : ace.getErrorDetails().errorCode();
            return ConnectorException.withCode(code == null ? null : FederationSourceErrorCode.fromValue(code), ace.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return ConnectorException.invalidInput(e.getMessage());
        }
        return ConnectorException.internal("Internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage()
                + ". The function's log has the details.");
    }

    private static ConnectorException unknownRequestType(String type)
    {
        return ConnectorException.invalidInput(type == null || type.isBlank()
                ? "Malformed request: no \"@type\" field; this function answers Athena Query Federation requests"
                : "Unknown request type '" + type + "': this function answers Athena Query Federation requests "
                        + "(GetTableRequest, ReadRecordsRequest, ...)");
    }

    private static String firstLine(String message)
    {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String awsMessage(DynamoDbException e)
    {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
    }
}
