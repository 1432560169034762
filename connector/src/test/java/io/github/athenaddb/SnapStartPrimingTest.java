package io.github.athenaddb;

import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.testing.LocalSettings;
import io.github.athenaddb.testing.Stderr;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SnapStart's hooks, called as Lambda calls them (beforeCheckpoint after the constructor,
 * afterRestore before the first request): priming needs nothing from outside the process, and
 * the restored handler answers as a fresh one does.
 */
class SnapStartPrimingTest
{
    @Test
    void primingCallsNoAwsServiceAndTheRestoredHandlerAnswers()
            throws Exception
    {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // Every endpoint the function could call is a closed port: a priming step that called one would fail.
        Map<String, String> unreachable = new HashMap<>(LocalSettings.dynamo(java.net.URI.create("http://127.0.0.1:" + closedPort)).toMap());
        unreachable.putAll(Map.of("s3_endpoint", "http://127.0.0.1:" + closedPort, "kms_endpoint", "http://127.0.0.1:" + closedPort,
                "spill_bucket", "no-such-bucket"));
        DdbCompositeHandler offline = new DdbCompositeHandler(unreachable);
        // A failed priming step is logged (WARN) and the snapshot taken without it.
        assertThat(Stderr.of(() -> {
            try {
                offline.beforeCheckpoint(null);
            }
            catch (Exception e) {
                throw new AssertionError(e);
            }
        })).doesNotContain("priming failed");
        offline.afterRestore(null);

        DynamoDbClient dynamo = Dynalite.shared().client();
        dynamo.createTable(table("Primed", "Id", ScalarAttributeType.S).build());
        load(dynamo, "Primed", List.of(Map.of("Id", s("a"), "Qty", n("1")), Map.of("Id", s("b"), "Qty", n("2.5"))));
        DdbCompositeHandler handler = new DdbCompositeHandler(LocalSettings.dynamo(Dynalite.shared().endpoint()).toMap());
        handler.beforeCheckpoint(null);
        handler.afterRestore(null);
        try (LambdaWire wire = new LambdaWire(handler)) {
            AthenaSequence athena = new AthenaSequence(wire);
            assertThat(athena.getTable("primed").getSchema().getFields()).extracting(f -> f.getName()).containsExactlyInAnyOrder("Id", "Qty");
            assertThat(athena.scan("primed")).hasSize(2);
        }
    }
}
