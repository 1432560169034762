package io.github.athenaddb.jdbc;

import io.github.athenaddb.ConnectorException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class SecretReferencesTest
{
    @Test
    void rdsSecretsBecomeUserAndPasswordParameters()
    {
        assertThat(SecretReferences.asConnectionParameters("{\"username\":\"shop\",\"password\":\"p&ss word\"}"))
                .isEqualTo("user=shop&password=p%26ss+word");
        assertThat(SecretReferences.asConnectionParameters("user=a&password=b")).isEqualTo("user=a&password=b");
    }

    @Test
    void anUnreachableSecretsManagerIsNamedNotTakenForAMissingPermission()
            throws Exception
    {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (SecretsManagerClient client = SecretsManagerClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort)).build()) {
            Throwable thrown = catchThrowable(() -> new SecretReferences(() -> client).resolve("jdbc:postgresql://db/shop?${shop-db}"));

            assertThat(thrown).isInstanceOf(ConnectorException.class)
                    .hasMessageMatching("Secrets Manager GetSecretValue of secret 'shop-db' failed after \\d+ attempts \\(endpoint http://127.0.0.1:"
                            + closedPort + "\\): .*Connection refused");
        }
    }
}
