package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.metadata.GetTableRequest;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.devkit.Tables;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.StandaloneQueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code TABLE(system.query(query => '...'))} as Athena runs it: GetTable with the passthrough
 * arguments, then layout, splits and records with them in the Constraints. Against moto_server's
 * DynamoDB, which has PartiQL (dynalite has not).
 */
class TrinoQueryPassthroughTest
{
    private static final String STATEMENT = "SELECT * FROM \"Orders\" WHERE Total > 30";
    private static MotoServer moto;
    private static StandaloneQueryRunner trino;

    @BeforeAll
    static void setUp()
    {
        moto = MotoServer.start();
        try (DynamoDbClient dynamo = Tables.client(moto.endpoint(), "us-east-1")) {
            dynamo.createTable(Tables.table("Orders", "PK", ScalarAttributeType.S).build());
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                items.add(Map.of("PK", s("O#" + i), "Total", n(Integer.toString(i * 10)), "Status", s(i % 2 == 0 ? "SHIPPED" : "PLACED")));
            }
            Tables.load(dynamo, "Orders", items);
        }
        Session session = testSessionBuilder().setCatalog("lambda:ddb").setSchema("default").build();
        trino = new StandaloneQueryRunner(session);
        trino.installPlugin(new FederationPlugin());
        Map<String, String> catalog = Map.of(
                "federation.handler", RecordingDdbHandler.class.getName(),
                "federation.config.dynamodb_endpoint", moto.endpoint().toString(),
                "federation.config.AWS_REGION", "us-east-1",
                "federation.config.athena_query_status_check", "false");
        trino.createCatalog("lambda:ddb", FederationConnectorFactory.NAME, catalog);
        Map<String, String> disabled = new java.util.HashMap<>(catalog);
        disabled.put("federation.config.enable_query_passthrough", "false");
        trino.createCatalog("nopassthrough", FederationConnectorFactory.NAME, disabled);
    }

    @AfterAll
    static void tearDown()
    {
        if (trino != null) {
            trino.close();
        }
        if (moto != null) {
            moto.stop();
        }
    }

    @BeforeEach
    void forgetRequests()
    {
        RecordingDdbHandler.clear();
    }

    @Test
    void theStatementRunsAtTheSourceWithAthenasArguments()
    {
        MaterializedResult result = trino.execute("SELECT pk, status, total FROM TABLE(\"lambda:ddb\".system.query(query => '"
                + STATEMENT.replace("'", "''") + "')) ORDER BY pk");

        assertThat(result.getMaterializedRows()).extracting(r -> r.getFields())
                .containsExactly(List.of("O#4", "SHIPPED", 40L), List.of("O#5", "PLACED", 50L), List.of("O#6", "SHIPPED", 60L));
        Map<String, String> arguments = Map.of("schemaFunctionName", "SYSTEM.QUERY", "QUERY", STATEMENT);
        assertThat(WireRequests.received(GetTableRequest.class)).singleElement().satisfies(get -> {
            assertThat(get.getQueryPassthroughArguments()).isEqualTo(arguments);
            assertThat(get.getTableName().getSchemaName()).isEqualTo("system");
        });
        assertThat(WireRequests.received(ReadRecordsRequest.class)).isNotEmpty()
                .allSatisfy(read -> assertThat(read.getConstraints().getQueryPassthroughArguments()).isEqualTo(arguments));
    }

    @Test
    void theSourcesRefusalIsTheError()
    {
        assertThatThrownBy(() -> trino.execute("SELECT * FROM TABLE(system.query(query => 'DELETE FROM \"Orders\"'))"))
                .hasMessageStartingWith("system.query runs a single PartiQL SELECT");
    }

    @Test
    void aSourceThatDeclaresNoPassthroughIsNamed()
    {
        assertThatThrownBy(() -> trino.execute("SELECT * FROM TABLE(nopassthrough.system.query(query => 'SELECT * FROM \"Orders\"'))"))
                .hasMessage("Catalog nopassthrough: the source declares no query passthrough function system.query");
    }
}
