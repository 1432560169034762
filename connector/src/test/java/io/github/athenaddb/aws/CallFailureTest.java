package io.github.athenaddb.aws;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CallFailureTest
{
    private static final String SCAN = "DynamoDB Scan of table 'Orders' (segment 3 of 8)";
    private static final CallTimeouts.Limit CONFIGURED = new CallTimeouts.Limit(Duration.ofSeconds(10), Duration.ofSeconds(30), false);

    @Test
    void aCallWithoutAnswerNamesTheCallTheEndpointAndTheSetting()
    {
        CallFailure failure = new CallFailure(SCAN, Optional.of("http://127.0.0.1:1234"), 3, Optional.empty(), CONFIGURED);

        assertThat(failure.callTimedOut()).isEqualTo("DynamoDB Scan of table 'Orders' (segment 3 of 8) did not answer within 30 s "
                + "(endpoint http://127.0.0.1:1234, 3 attempts): check that the endpoint is up and reachable, or raise aws_call_timeout_seconds");
    }

    @Test
    void aCallCutByTheLambdaInvocationSaysSo()
    {
        CallTimeouts.Limit lambda = new CallTimeouts.Limit(Duration.ofMillis(2500), Duration.ofMillis(2500), true);
        CallFailure failure = new CallFailure(SCAN, Optional.of("https://dynamodb.eu-west-1.amazonaws.com"), 1, Optional.empty(), lambda);

        assertThat(failure.callTimedOut()).isEqualTo("DynamoDB Scan of table 'Orders' (segment 3 of 8) did not answer within 2.5 s, "
                + "the time left in this Lambda invocation (endpoint https://dynamodb.eu-west-1.amazonaws.com, 1 attempt): "
                + "check that the endpoint is up and reachable, or raise the function's timeout");
    }

    @Test
    void aCallAnsweredWithErrorsUntilItsTimeRanOutNamesTheLastAnswer()
    {
        CallFailure failure = new CallFailure(SCAN, Optional.of("http://127.0.0.1:1234"), 6,
                Optional.of("ProvisionedThroughputExceededException"), CONFIGURED);

        assertThat(failure.callTimedOut()).isEqualTo("DynamoDB Scan of table 'Orders' (segment 3 of 8) still failed after 30 s "
                + "(endpoint http://127.0.0.1:1234, 6 attempts, the last answered ProvisionedThroughputExceededException): "
                + "the service is throttling these calls; try again later or raise the capacity");
        assertThat(new CallFailure(SCAN, Optional.empty(), 2, Optional.of("InternalServerError"), CONFIGURED).callTimedOut())
                .isEqualTo("DynamoDB Scan of table 'Orders' (segment 3 of 8) still failed after 30 s (2 attempts, the last answered InternalServerError)");
    }

    @Test
    void attemptsThatAllTimedOutNameTheAttemptSetting()
    {
        CallFailure failure = new CallFailure(SCAN, Optional.of("http://127.0.0.1:1234"), 9, Optional.empty(), CONFIGURED);

        assertThat(failure.attemptsTimedOut()).isEqualTo("DynamoDB Scan of table 'Orders' (segment 3 of 8) did not answer within 10 s "
                + "on any of 9 attempts (endpoint http://127.0.0.1:1234): check that the endpoint is up and reachable, "
                + "or raise aws_call_attempt_timeout_seconds");
    }

    @Test
    void aClientSideFailureKeepsItsReason()
    {
        CallFailure failure = new CallFailure("DynamoDB ListTables", Optional.of("http://127.0.0.1:1"), 9, Optional.empty(), CONFIGURED);

        assertThat(failure.failed("Connect to 127.0.0.1:1 [/127.0.0.1] failed: Connection refused")).isEqualTo(
                "DynamoDB ListTables failed after 9 attempts (endpoint http://127.0.0.1:1): Connect to 127.0.0.1:1 [/127.0.0.1] failed: Connection refused");
        assertThat(new CallFailure("DynamoDB ListTables", Optional.empty(), 0, Optional.empty(), CONFIGURED).failed("no credentials"))
                .isEqualTo("DynamoDB ListTables failed: no credentials");
    }

    @Test
    void durationsReadToATenthOfASecond()
    {
        assertThat(CallFailure.seconds(Duration.ofMillis(1999))).isEqualTo("2 s");
        assertThat(CallFailure.seconds(Duration.ofMillis(2460))).isEqualTo("2.5 s");
        assertThat(CallFailure.seconds(Duration.ofSeconds(30))).isEqualTo("30 s");
        assertThat(CallFailure.seconds(Duration.ofMillis(100))).isEqualTo("100 ms");
    }

    @Test
    void theSdksFrameAroundAReasonIsDropped()
    {
        assertThat(BoundedAwsCalls.reason("Unable to execute HTTP request: Connect to 127.0.0.1:1 [/127.0.0.1] failed: Connection refused "
                + "(SDK Attempt Count: 9)")).isEqualTo("Connect to 127.0.0.1:1 [/127.0.0.1] failed: Connection refused");
    }

    @Test
    void errorCodesAreReadFromJsonAndXmlBodies()
    {
        assertThat(BoundedAwsCalls.errorCode(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                + "\"message\":\"slow down\"}")).isEqualTo("ProvisionedThroughputExceededException");
        assertThat(BoundedAwsCalls.errorCode(400, "{\"__type\": \"ThrottlingException\"}")).isEqualTo("ThrottlingException");
        assertThat(BoundedAwsCalls.errorCode(503, "<Error><Code>SlowDown</Code><Message>Reduce your request rate</Message></Error>"))
                .isEqualTo("SlowDown");
        assertThat(BoundedAwsCalls.errorCode(502, "<html>Bad Gateway</html>")).isEqualTo("HTTP 502");
    }
}
