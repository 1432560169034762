package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.glue.model.ErrorDetails;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorTranslatorTest
{
    private static DynamoDbException dynamoDb(String code, String message, int status)
    {
        return (DynamoDbException) DynamoDbException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .statusCode(status)
                .build();
    }

    private static void assertCode(AthenaConnectorException e, FederationSourceErrorCode code)
    {
        ErrorDetails details = e.getErrorDetails();
        assertThat(details.errorCode()).isEqualTo(code.toString());
        assertThat(details.errorMessage()).isEqualTo(e.getMessage());
    }

    @Test
    void missingTableIsEntityNotFound()
    {
        Exception notFound = ResourceNotFoundException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException")
                        .errorMessage("Requested resource not found: Table: Orders not found").build())
                .statusCode(400)
                .build();

        AthenaConnectorException e = ErrorTranslator.translate(notFound);

        assertThat(e).hasMessage("DynamoDB: Requested resource not found: Table: Orders not found");
        assertCode(e, FederationSourceErrorCode.ENTITY_NOT_FOUND_EXCEPTION);
    }

    @Test
    void provisionedThroughputExceededIsThrottling()
    {
        AthenaConnectorException e = ErrorTranslator.translate(
                dynamoDb("ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded", 400));

        assertThat(e).hasMessage("DynamoDB ProvisionedThroughputExceededException: "
                + "The level of configured provisioned throughput for the table was exceeded");
        assertCode(e, FederationSourceErrorCode.THROTTLING_EXCEPTION);
    }

    @Test
    void otherThrottlingCodesAndStatus429AreThrottling()
    {
        assertCode(ErrorTranslator.translate(dynamoDb("RequestLimitExceeded", "slow down", 400)), FederationSourceErrorCode.THROTTLING_EXCEPTION);
        assertCode(ErrorTranslator.translate(dynamoDb("ThrottlingException", "slow down", 400)), FederationSourceErrorCode.THROTTLING_EXCEPTION);
        assertCode(ErrorTranslator.translate(dynamoDb("Whatever", "slow down", 429)), FederationSourceErrorCode.THROTTLING_EXCEPTION);
    }

    @Test
    void accessDeniedIsAccessDenied()
    {
        AthenaConnectorException e = ErrorTranslator.translate(dynamoDb("AccessDeniedException",
                "User is not authorized to perform: dynamodb:Scan on resource: Orders", 403));

        assertThat(e).hasMessage("DynamoDB AccessDeniedException: User is not authorized to perform: dynamodb:Scan on resource: Orders");
        assertCode(e, FederationSourceErrorCode.ACCESS_DENIED_EXCEPTION);
        assertCode(ErrorTranslator.translate(dynamoDb("UnrecognizedClientException", "bad token", 403)),
                FederationSourceErrorCode.ACCESS_DENIED_EXCEPTION);
    }

    @Test
    void otherClientErrorsAreInvalidInputAndServerErrorsInternal()
    {
        AthenaConnectorException validation = ErrorTranslator.translate(dynamoDb("ValidationException", "bad expression", 400));
        assertThat(validation).hasMessage("DynamoDB ValidationException: bad expression");
        assertCode(validation, FederationSourceErrorCode.INVALID_INPUT_EXCEPTION);

        assertCode(ErrorTranslator.translate(dynamoDb("InternalServerError", "oops", 500)), FederationSourceErrorCode.INTERNAL_SERVICE_EXCEPTION);
    }

    @Test
    void anOperationTheEndpointLacksIsNotSupported()
    {
        assertCode(ErrorTranslator.translate(dynamoDb("UnknownOperationException", "Service returned error code UnknownOperationException", 400)),
                FederationSourceErrorCode.OPERATION_NOT_SUPPORTED_EXCEPTION);
    }

    @Test
    void sdkClientFailureIsInternalInOneLine()
    {
        AthenaConnectorException e = ErrorTranslator.translate(SdkClientException.create(
                "DynamoDB ListTables failed after 9 attempts (endpoint http://127.0.0.1:1): Connection refused\nsecond line"));

        assertThat(e).hasMessage("DynamoDB ListTables failed after 9 attempts (endpoint http://127.0.0.1:1): Connection refused");
        assertCode(e, FederationSourceErrorCode.INTERNAL_SERVICE_EXCEPTION);
    }

    @Test
    void aCallOrAttemptsOutOfTimeAreATimeout()
    {
        AthenaConnectorException call = ErrorTranslator.translate(ApiCallTimeoutException.create("DynamoDB Scan of table 'Orders' did not answer", null));
        AthenaConnectorException attempts = ErrorTranslator.translate(ApiCallAttemptTimeoutException.create("DynamoDB Scan did not answer", null));

        assertThat(call).hasMessage("DynamoDB Scan of table 'Orders' did not answer");
        assertCode(call, FederationSourceErrorCode.OPERATION_TIMEOUT_EXCEPTION);
        assertCode(attempts, FederationSourceErrorCode.OPERATION_TIMEOUT_EXCEPTION);
    }

    @Test
    void aCallThrottledUntilItsTimeRanOutIsThrottling()
    {
        AthenaConnectorException e = ErrorTranslator.translate(ApiCallTimeoutException.create("DynamoDB Scan of table 'Orders' still failed",
                dynamoDb("ProvisionedThroughputExceededException", "ProvisionedThroughputExceededException", 400)));

        assertThat(e).hasMessage("DynamoDB Scan of table 'Orders' still failed");
        assertCode(e, FederationSourceErrorCode.THROTTLING_EXCEPTION);
    }

    @Test
    void connectorExceptionPassesThroughUnchanged()
    {
        ConnectorException original = ConnectorException.invalidInput("bad split");

        assertThat(ErrorTranslator.translate(original)).isSameAs(original);
    }

    @Test
    void illegalArgumentIsInvalidInputWithItsMessage()
    {
        AthenaConnectorException e = ErrorTranslator.translate(new IllegalArgumentException("Invalid configuration scan_segments='0'"));

        assertThat(e).hasMessage("Invalid configuration scan_segments='0'");
        assertCode(e, FederationSourceErrorCode.INVALID_INPUT_EXCEPTION);
    }

    @Test
    void arbitraryRuntimeExceptionIsInternalWithoutStackTrace()
    {
        AthenaConnectorException e = ErrorTranslator.translate(new IllegalStateException("vector closed"));

        assertThat(e).hasMessage("Internal error (IllegalStateException): vector closed. The function's log has the details.");
        assertCode(e, FederationSourceErrorCode.INTERNAL_SERVICE_EXCEPTION);
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.getCause()).isNull();
    }

    @Test
    void translatedAwsErrorsCarryNoStackTraceEither()
    {
        assertThat(ErrorTranslator.translate(dynamoDb("ValidationException", "x", 400)).getStackTrace()).isEmpty();
        assertThat(ConnectorException.notFound("x").getStackTrace()).isEmpty();
    }

    @Test
    void theSdksOwnErrorsKeepTheirCodeAndLoseTheirStackTrace()
    {
        AthenaConnectorException sdk = new AthenaConnectorException("Expected version 5",
                ErrorDetails.builder().errorCode(FederationSourceErrorCode.INVALID_INPUT_EXCEPTION.toString()).build());

        ConnectorException e = ErrorTranslator.translate(sdk);

        assertThat(e).hasMessage("Expected version 5");
        assertCode(e, FederationSourceErrorCode.INVALID_INPUT_EXCEPTION);
        assertThat(e.getStackTrace()).isEmpty();
    }

    @Test
    void theSdksWrapperOfACheckedExceptionIsLookedThrough()
    {
        ConnectorException e = ErrorTranslator.translate(new RuntimeException(new java.io.IOException("disk")));

        assertThat(e).hasMessage("Internal error (IOException): disk. The function's log has the details.");
    }
}
