package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import com.amazonaws.services.lambda.runtime.Context;
import io.github.athenaddb.aws.BoundedAwsCalls;
import io.github.athenaddb.aws.CallTimeouts;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.FreezingProxy;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.testing.ThrottlingInterceptor;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An endpoint that stops answering mid-Scan (a frozen process, a dropped network) fails the
 * query within the call timeout, with one line that names the call; throttled reads are still
 * retried within it. Before the timeouts, a frozen endpoint held a query for 278 s.
 */
class UnansweredCallsWireTest
{
    private static final String TABLE = "Frozen";
    /** 600 items of 4 KB: two 1 MB pages in each of two Scan segments. */
    private static final int ITEMS = 600;
    private FreezingProxy proxy;

    @BeforeAll
    static void loadTable()
    {
        DynamoDbClient dynamo = Dynalite.shared().client();
        dynamo.createTable(Tables.table(TABLE, "PK", ScalarAttributeType.S).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(Map.of("PK", s("P#" + i), "Payload", s("x".repeat(4000))));
        }
        Tables.load(dynamo, TABLE, items);
    }

    @AfterAll
    static void restoreDefaultTimeouts()
    {
        BoundedAwsCalls.use(CallTimeouts.DEFAULT);
    }

    @BeforeEach
    void startProxy()
    {
        proxy = FreezingProxy.to(Dynalite.shared().endpoint());
    }

    @AfterEach
    void stopProxy()
    {
        ThrottlingInterceptor.stop();
        proxy.close();
    }

    private LambdaWire wire(Map<String, String> settings, Context context)
    {
        Map<String, String> config = new HashMap<>(settings);
        config.put(ConnectorConfig.DYNAMODB_ENDPOINT, proxy.endpoint().toString());
        config.put(ConnectorConfig.REGION, "us-east-1");
        config.put(ConnectorConfig.QUERY_STATUS_CHECK, "false");
        config.put(ConnectorConfig.SCAN_SEGMENTS, "2");
        return new LambdaWire(new DdbCompositeHandler(config), context);
    }

    private static Map<String, String> timeouts(int attemptSeconds, int callSeconds)
    {
        return Map.of(ConnectorConfig.AWS_CALL_ATTEMPT_TIMEOUT_SECONDS, Integer.toString(attemptSeconds),
                ConnectorConfig.AWS_CALL_TIMEOUT_SECONDS, Integer.toString(callSeconds));
    }

    private static Context lambdaWithTimeLeft(int millis)
    {
        Context context = Mockito.mock(Context.class);
        Mockito.when(context.getRemainingTimeInMillis()).thenReturn(millis);
        return context;
    }

    private static void assertCode(Throwable thrown, FederationSourceErrorCode code)
    {
        assertThat(((AthenaConnectorException) thrown).getErrorDetails().errorCode()).isEqualTo(code.toString());
    }

    @Test
    void aScanFrozenAfterItsFirstPageFailsWithinTheCallTimeoutNamingTableSegmentAndEndpoint()
    {
        try (LambdaWire wire = wire(timeouts(1, 3), lambdaWithTimeLeft(900_000))) {
            AthenaSequence athena = new AthenaSequence(wire);
            Schema schema = AthenaSequence.lowerCased(athena.getTable(TABLE.toLowerCase()).getSchema());
            proxy.freezeOnRequestContaining("ExclusiveStartKey");

            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> athena.scan(TABLE.toLowerCase(), schema, Map.of()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(thrown).isInstanceOf(ConnectorException.class);
            assertThat(thrown.getMessage()).doesNotContain("\n")
                    .matches("DynamoDB Scan of table 'Frozen' \\(segment [01] of 2\\) did not answer within 3 s \\(endpoint "
                            + proxy.endpoint() + ", [1-3] attempts?\\): check that the endpoint is up and reachable, "
                            + "or raise aws_call_timeout_seconds");
            assertCode(thrown, FederationSourceErrorCode.OPERATION_TIMEOUT_EXCEPTION);
            // The first page (1 MB) and the 3 s of the frozen call, not the 278 s of nine read timeouts.
            assertThat(took).isBetween(Duration.ofMillis(2900), Duration.ofSeconds(10));
        }
    }

    @Test
    void inLambdaACallEndsBeforeTheInvocationDoes()
    {
        try (LambdaWire wire = wire(Map.of(), lambdaWithTimeLeft(4_000))) {
            // The first metadata request builds the metadata handlers (ConnectorHandlers): out of the measured call.
            new AthenaSequence(wire).listSchemas();
            proxy.freeze();

            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> new AthenaSequence(wire).getTable(TABLE.toLowerCase()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(thrown).isInstanceOf(ConnectorException.class);
            assertThat(thrown.getMessage()).doesNotContain("\n").startsWith("DynamoDB ")
                    .contains(" did not answer within 2 s, the time left in this Lambda invocation (endpoint " + proxy.endpoint())
                    .endsWith("or raise the function's timeout");
            assertThat(took).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void throttledReadsAreRetriedWithinTheCallTimeoutAndEveryRowArrives()
    {
        try (LambdaWire wire = wire(timeouts(2, 5), lambdaWithTimeLeft(900_000))) {
            AthenaSequence athena = new AthenaSequence(wire);
            Schema schema = AthenaSequence.lowerCased(athena.getTable(TABLE.toLowerCase()).getSchema());
            ThrottlingInterceptor.throttle(0.3, 16);

            List<Map<String, Object>> rows = athena.scan(TABLE.toLowerCase(), schema, Map.of());

            assertThat(ThrottlingInterceptor.stop()).isPositive();
            assertThat(rows).hasSize(ITEMS);
            assertThat(rows.stream().map(r -> r.get("pk")).distinct().count()).isEqualTo(ITEMS);
        }
    }

    @Test
    void aScanThrottledUntilItsTimeRunsOutIsThrottlingInOneLine()
    {
        try (LambdaWire wire = wire(timeouts(1, 3), lambdaWithTimeLeft(900_000))) {
            AthenaSequence athena = new AthenaSequence(wire);
            Schema schema = AthenaSequence.lowerCased(athena.getTable(TABLE.toLowerCase()).getSchema());
            ThrottlingInterceptor.throttle(1.0, 1);

            Throwable thrown = catchThrowable(() -> athena.scan(TABLE.toLowerCase(), schema, Map.of()));

            assertThat(thrown).isInstanceOf(ConnectorException.class);
            assertThat(thrown.getMessage()).doesNotContain("\n")
                    .matches("DynamoDB Scan of table 'Frozen' \\(segment [01] of 2\\) still failed after 3 s \\(endpoint "
                            + proxy.endpoint() + ", \\d+ attempts, the last answered ProvisionedThroughputExceededException\\): "
                            + "the service is throttling these calls; try again later or raise the capacity");
            assertCode(thrown, FederationSourceErrorCode.THROTTLING_EXCEPTION);
        }
    }
}
