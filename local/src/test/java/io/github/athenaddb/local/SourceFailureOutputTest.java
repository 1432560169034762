package io.github.athenaddb.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user of athena-local sees when the source fails: one line and exit code 1 (it was 2, the
 * bad-statement code, after the SDK's 60-line trace and the same message twice more); the stack
 * traces only with --debug.
 */
class SourceFailureOutputTest
{
    private static int closedPort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnreachableEndpointIsOneLineAndExitCodeOne()
            throws Exception
    {
        int port = closedPort();

        CliProcess run = CliProcess.of("query", "--dynamodb-endpoint", "http://127.0.0.1:" + port, "SELECT * FROM ddb.default.orders");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("athena-local: DynamoDB ListTables failed after 9 attempts (endpoint http://127.0.0.1:" + port
                + "): Connect to 127.0.0.1:" + port + " [/127.0.0.1] failed: Connection refused (FEDERATION_SOURCE_ERROR)" + System.lineSeparator());
    }

    @Test
    void debugShowsTheStackTracesToo()
            throws Exception
    {
        int port = closedPort();

        CliProcess run = CliProcess.of("query", "--debug", "--dynamodb-endpoint", "http://127.0.0.1:" + port, "SELECT * FROM ddb.default.orders");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("Request failed")
                .contains("\tat software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient.listTables")
                .endsWith("athena-local: DynamoDB ListTables failed after 9 attempts (endpoint http://127.0.0.1:" + port
                        + "): Connect to 127.0.0.1:" + port + " [/127.0.0.1] failed: Connection refused (FEDERATION_SOURCE_ERROR)" + System.lineSeparator());
    }

    @Test
    void inTheSameJvmTheExitCodeIsOneToo()
            throws Exception
    {
        CliRun run = CliRun.of("query", "--dynamodb-endpoint", "http://127.0.0.1:" + closedPort(), "SELECT * FROM ddb.default.orders");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("athena-local: DynamoDB ListTables failed after 9 attempts");
    }
}
