package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.metadata.GetTableRequest;
import com.amazonaws.athena.connector.lambda.serde.VersionedObjectMapperFactory;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import com.amazonaws.services.lambda.runtime.Context;
import io.github.athenaddb.testing.LambdaErrorPayload;
import io.github.athenaddb.testing.LocalSettings;
import io.github.athenaddb.testing.Stderr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Bad input from the wire gets an error payload a user can read: what was wrong, and no stack
 * trace (Lambda would copy one into the payload Athena shows).
 */
class RequestErrorsWireTest
{
    private static DdbCompositeHandler handler;

    @BeforeAll
    static void setUp()
    {
        handler = new DdbCompositeHandler(LocalSettings.dynamo(Dynalite.shared().endpoint()).toMap());
    }

    private static String payloadFor(byte[] request)
    {
        Throwable thrown = catchThrowable(() -> handler.handleRequest(new ByteArrayInputStream(request), new ByteArrayOutputStream(),
                Mockito.mock(Context.class)));
        assertThat(thrown).as("the handler must fail").isInstanceOf(ConnectorException.class);
        String payload = LambdaErrorPayload.of(thrown);
        assertThat(payload).contains("\"stackTrace\":[]").doesNotContain("\"cause\"").doesNotContain(".java:");
        return payload;
    }

    private static String payloadFor(String request)
    {
        return payloadFor(request.getBytes(StandardCharsets.UTF_8));
    }

    /** A well-formed GetTable request, serialized by the SDK as Athena sends it. */
    private static String getTablePayload(String catalog, String schema, String table)
            throws Exception
    {
        return payloadFor(VersionedObjectMapperFactory.create(new BlockAllocatorImpl()).writeValueAsBytes(
                new GetTableRequest(AthenaSequence.IDENTITY, "q", catalog, new TableName(schema, table), Map.of())));
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedRequest()
    {
        assertThat(payloadFor("{this is not json")).contains("Malformed request at line 1, column 2");
        assertThat(payloadFor("")).contains("Malformed request");
    }

    @Test
    void anUnknownRequestTypeIsNamed()
    {
        assertThat(payloadFor("{\"@type\":\"DropTableRequest\",\"catalogName\":\"ddb\"}"))
                .contains("Unknown request type 'DropTableRequest'")
                .contains("Athena Query Federation requests");
    }

    @Test
    void aRequestWithoutATypeSaysSo()
    {
        assertThat(payloadFor("{\"catalogName\":\"ddb\",\"queryId\":\"q\"}")).contains("no \\\"@type\\\" field");
    }

    @Test
    void aKnownTypeWithAFieldOfTheWrongShapeIsMalformed()
    {
        assertThat(payloadFor("{\"@type\":\"GetTableRequest\",\"tableName\":42}")).contains("Malformed request");
    }

    @Test
    void aTableThatIsNotThereIsNotFoundByName()
            throws Exception
    {
        // A catalog without a JDBC connection string is DynamoDB's, whatever its name.
        assertThat(getTablePayload("some_other_catalog", "default", "no_such_table"))
                .contains("Table 'no_such_table' not found").doesNotContain("Exception:");
    }

    @Test
    void anErrorThatIsNotAnExceptionLeavesWithoutItsStack()
            throws Exception
    {
        // A class that failed to initialize: an Error, which the SDK's dispatch does not catch.
        Context failing = Mockito.mock(Context.class);
        Mockito.when(failing.getRemainingTimeInMillis()).thenThrow(new ExceptionInInitializerError(new IllegalStateException("boom")));
        Throwable thrown = catchThrowable(() -> handler.handleRequest(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), failing));
        assertThat(thrown).isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("Internal error (ExceptionInInitializerError: java.lang.IllegalStateException: boom)");
        assertThat(LambdaErrorPayload.of(thrown)).contains("\"stackTrace\":[]").doesNotContain("\"cause\"").doesNotContain(".java:");
    }

    @Test
    void anUnreachableEndpointIsOneLineInTheErrorAndOneInTheLog()
            throws Exception
    {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DdbCompositeHandler unreachable = new DdbCompositeHandler(LocalSettings.dynamo(URI.create("http://127.0.0.1:" + closedPort)).toMap());
        byte[] request = VersionedObjectMapperFactory.create(new BlockAllocatorImpl()).writeValueAsBytes(
                new GetTableRequest(AthenaSequence.IDENTITY, "q", "ddb", new TableName("default", "orders"), Map.of()));

        StringBuilder thrown = new StringBuilder();
        String log = Stderr.of(() -> thrown.append(catchThrowable(() -> unreachable.handleRequest(new ByteArrayInputStream(request),
                new ByteArrayOutputStream(), Mockito.mock(Context.class))).getMessage()));

        String expected = "DynamoDB ListTables failed after 9 attempts (endpoint http://127.0.0.1:" + closedPort + "): Connect to 127.0.0.1:"
                + closedPort + " [/127.0.0.1] failed: Connection refused";
        assertThat(thrown.toString()).isEqualTo(expected);
        // Before: the SDK's trace (about 60 lines) at ERROR, then the SDK handler's warning with the message again.
        assertThat(log.lines().toList()).singleElement().asString().endsWith("WARN io.github.athenaddb.DdbCompositeHandler - Request failed: " + expected);
    }

    @Test
    void aSchemaThatIsNotThereIsNamed()
            throws Exception
    {
        assertThat(getTablePayload("ddb", "no_such_schema", "orders"))
                .contains("Schema 'no_such_schema' not found: DynamoDB tables are in schema 'default'");
    }
}
