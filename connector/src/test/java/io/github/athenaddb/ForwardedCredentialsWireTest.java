package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.security.FederatedIdentity;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.testing.LocalSettings;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that carry Athena's forwarded credentials ({@code fas_token}, encrypted with the key
 * {@code service_kms} names) are answered with the function's own role: nothing is decrypted (the
 * federation SDK's handlers would call KMS for it, which no test here answers), and S3 is a port
 * where nothing listens.
 */
class ForwardedCredentialsWireTest
{
    private static final String TABLE = "ForwardedCredentials";

    @Test
    void aRequestWithForwardedCredentialsIsReadWithTheFunctionsRole()
            throws IOException
    {
        Dynalite dynalite = Dynalite.shared();
        Tables.create(dynalite.client(), Tables.table(TABLE, "id", ScalarAttributeType.S).build());
        Tables.load(dynalite.client(), TABLE, List.of(Map.of("id", s("a"), "v", n("1")), Map.of("id", s("b"), "v", n("2"))));
        String closed = "http://127.0.0.1:" + closedPort();
        Map<String, String> config = LocalSettings.dynamo(dynalite.endpoint())
                .with(SpillClients.S3_ENDPOINT, closed)
                .toMap();
        FederatedIdentity forwarding = new FederatedIdentity("arn:aws:iam::123456789012:user/test", "123456789012", Map.of(), List.of(),
                Map.of("fas_token", "AYADeForwardedCredentials==", "service_kms", "arn:aws:kms:us-east-1:123456789012:key/forwarding"));
        try (LambdaWire wire = new LambdaWire(new DdbCompositeHandler(config))) {
            AthenaSequence athena = new AthenaSequence(wire).withIdentity(forwarding);
            assertThat(athena.scan(TABLE)).extracting(row -> row.get("id")).containsExactlyInAnyOrder("a", "b");
        }
    }

    private static int closedPort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
