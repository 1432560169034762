package io.github.athenaddb.trino;

import io.trino.spi.ErrorCode;
import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.ErrorType;

import static io.trino.spi.ErrorType.EXTERNAL;
import static io.trino.spi.ErrorType.USER_ERROR;

/** Failures of a federation source, by the error code the federation SDK gives them (ErrorDetails). */
public enum FederationErrorCode
        implements ErrorCodeSupplier
{
    FEDERATION_SOURCE_ERROR(0, EXTERNAL),
    FEDERATION_NOT_FOUND(1, USER_ERROR),
    FEDERATION_INVALID_INPUT(2, USER_ERROR),
    FEDERATION_ACCESS_DENIED(3, USER_ERROR),
    FEDERATION_THROTTLED(4, EXTERNAL),
    FEDERATION_UNSUPPORTED_RESPONSE(5, EXTERNAL);

    // Trino asks connectors for a range of their own; this one is otherwise unused by Trino's plugins.
    private static final int BASE = 0x0A7E_0000;

    private final ErrorCode errorCode;

    FederationErrorCode(int code, ErrorType type)
    {
        errorCode = new ErrorCode(BASE + code, name(), type);
    }

    @Override
    public ErrorCode toErrorCode()
    {
        return errorCode;
    }

    /** The code for the SDK's {@code FederationSourceErrorCode} name, as a handler's exception carries it. */
    static FederationErrorCode forSourceCode(String sourceCode)
    {
        if (sourceCode == null) {
            return FEDERATION_SOURCE_ERROR;
        }
        return switch (sourceCode) {
            case "EntityNotFoundException" -> FEDERATION_NOT_FOUND;
            case "InvalidInputException" -> FEDERATION_INVALID_INPUT;
            case "AccessDeniedException" -> FEDERATION_ACCESS_DENIED;
            case "ThrottlingException" -> FEDERATION_THROTTLED;
            default -> FEDERATION_SOURCE_ERROR;
        };
    }
}
