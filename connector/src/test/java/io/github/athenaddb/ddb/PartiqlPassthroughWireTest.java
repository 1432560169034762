package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import com.amazonaws.athena.connector.lambda.metadata.GetDataSourceCapabilitiesRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetDataSourceCapabilitiesResponse;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.testing.LocalSettings;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** system.query through the wire, against moto_server's DynamoDB (dynalite has no PartiQL). */
class PartiqlPassthroughWireTest
{
    private static MotoServer moto;
    private static LambdaWire wire;
    private static AthenaSequence athena;

    @BeforeAll
    static void setUp()
    {
        moto = MotoServer.start();
        try (DynamoDbClient dynamo = Tables.client(moto.endpoint(), "us-east-1")) {
            dynamo.createTable(Tables.table("Orders", "PK", ScalarAttributeType.S).build());
            List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                items.add(Map.of("PK", s("O#" + i), "Total", n(Integer.toString(i * 10)), "Status", s(i % 2 == 0 ? "SHIPPED" : "PLACED")));
            }
            Tables.load(dynamo, "Orders", items);
        }
        wire = LocalSettings.dynamo(moto.endpoint()).wire();
        athena = new AthenaSequence(wire);
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
        moto.stop();
    }

    @Test
    void declaresThePassthroughFunctionAndLimitPushdownOnly()
    {
        GetDataSourceCapabilitiesResponse response = wire.call(new GetDataSourceCapabilitiesRequest(AthenaSequence.IDENTITY, "q", "ddb"));
        assertThat(response.getCapabilities()).containsOnlyKeys("SYSTEM.QUERY", "supports_limit_pushdown");
        assertThat(response.getCapabilities().get("supports_limit_pushdown")).extracting(s -> s.getSubType())
                .containsExactly("integer_constant");
    }

    @Test
    void runsTheSelectAndReturnsExactlyItsRows()
    {
        Map<String, String> args = arguments("SELECT * FROM \"Orders\" WHERE Total > 30");
        Schema schema = AthenaSequence.lowerCased(athena.getPassthroughTable(args).getSchema());
        assertThat(schema.getFields()).extracting(Field::getName).containsExactly("pk", "status", "total");

        List<Map<String, Object>> rows = new ArrayList<>();
        Constraints constraints = new Constraints(Map.of(), List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, args, null);
        athena.read("system", "query", schema, constraints, 1, block -> rows.addAll(AthenaSequence.rows(block)));
        assertThat(rows).containsExactlyInAnyOrder(
                Map.of("pk", "O#4", "status", "SHIPPED", "total", 40L),
                Map.of("pk", "O#5", "status", "PLACED", "total", 50L),
                Map.of("pk", "O#6", "status", "SHIPPED", "total", 60L));
    }

    @Test
    void refusesAnythingButOneSelect()
    {
        assertThatThrownBy(() -> athena.getPassthroughTable(arguments("DELETE FROM \"Orders\" WHERE PK = 'O#1'")))
                .isInstanceOf(AthenaConnectorException.class)
                .hasMessageContaining("system.query runs a single PartiQL SELECT");
        assertThatThrownBy(() -> athena.getPassthroughTable(arguments("SELECT * FROM \"Orders\"; DELETE FROM \"Orders\"")))
                .isInstanceOf(AthenaConnectorException.class)
                .hasMessageContaining("holds several");
        assertThatThrownBy(() -> athena.getPassthroughTable(arguments("SELECT * FROM \"Nope\"")))
                .isInstanceOf(AthenaConnectorException.class)
                .hasMessageContaining("DynamoDB table 'Nope' (named after FROM) does not exist");
    }

    @Test
    void anEndpointWithoutPartiqlIsNamedInOneLine()
    {
        Dynalite dynalite = Dynalite.shared();
        try (DynamoDbClient dynamo = dynalite.client()) {
            Tables.create(dynamo, Tables.table("NoPartiql", "PK", ScalarAttributeType.S).build());
        }
        try (LambdaWire dynaliteWire = LocalSettings.dynamo(dynalite.endpoint()).wire()) {
            Throwable thrown = catchThrowable(() -> new AthenaSequence(dynaliteWire).getPassthroughTable(arguments("SELECT * FROM \"NoPartiql\"")));

            assertThat(thrown).isInstanceOf(AthenaConnectorException.class).hasMessage("DynamoDB endpoint " + dynalite.endpoint()
                    + " does not support ExecuteStatement (PartiQL), which system.query needs: use DynamoDB itself or an emulator with PartiQL "
                    + "(moto_server has it, dynalite not)");
            assertThat(((AthenaConnectorException) thrown).getErrorDetails().errorCode())
                    .isEqualTo(FederationSourceErrorCode.OPERATION_NOT_SUPPORTED_EXCEPTION.toString());
        }
    }

    private static Map<String, String> arguments(String statement)
    {
        return Map.of("schemaFunctionName", "SYSTEM.QUERY", PartiqlPassthrough.QUERY, statement);
    }
}
