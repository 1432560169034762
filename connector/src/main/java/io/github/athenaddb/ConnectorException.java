package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import software.amazon.awssdk.services.glue.model.ErrorDetails;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

/**
 * An error meant for the person who wrote the query: the message says what is wrong and where.
 * It carries no stack trace, because Lambda copies the stack of a thrown exception into the
 * error payload that Athena shows; the full trace of the cause is logged instead.
 */
public final class ConnectorException
        extends AthenaConnectorException
{
    private ConnectorException(String message, FederationSourceErrorCode code)
    {
        super(message, ErrorDetails.builder().errorCode(code.toString()).errorMessage(message).build());
    }

    /** Another error with the same code, e.g. one of the SDK's, which keeps its stack trace. */
    public static ConnectorException withCode(FederationSourceErrorCode code, String message)
    {
        return new ConnectorException(message, code == null || code == FederationSourceErrorCode.UNKNOWN_TO_SDK_VERSION
                ? FederationSourceErrorCode.INTERNAL_SERVICE_EXCEPTION : code);
    }

    public static ConnectorException notFound(String message)
    {
        return new ConnectorException(message, FederationSourceErrorCode.ENTITY_NOT_FOUND_EXCEPTION);
    }

    public static ConnectorException invalidInput(String message)
    {
        return new ConnectorException(message, FederationSourceErrorCode.INVALID_INPUT_EXCEPTION);
    }

    public static ConnectorException accessDenied(String message)
    {
        return new ConnectorException(message, FederationSourceErrorCode.ACCESS_DENIED_EXCEPTION);
    }

    public static ConnectorException throttled(String message)
    {
        return new ConnectorException(message, FederationSourceErrorCode.THROTTLING_EXCEPTION);
    }

    public static ConnectorException internal(String message)
    {
        return new ConnectorException(message, FederationSourceErrorCode.INTERNAL_SERVICE_EXCEPTION);
    }

    @Override
    public synchronized Throwable fillInStackTrace()
    {
        return this;
    }
}
