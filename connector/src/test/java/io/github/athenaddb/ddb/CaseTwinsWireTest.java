package io.github.athenaddb.ddb;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.testing.LambdaErrorPayload;
import io.github.athenaddb.testing.RecordedRead;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.create;
import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * DynamoDB names that differ only by case, which Athena's lower-cased names cannot tell apart:
 * the tables {@code Mixed} and {@code mixed}, and {@code Twin} and {@code TWIN} (neither spelled in
 * lower case). An exact spelling reaches its table; a name that matches several only ignoring case
 * is a one-line error naming them and the Glue property that picks one.
 */
class CaseTwinsWireTest
{
    private static MotoServer moto;
    private static LambdaWire wire;
    private static AthenaSequence athena;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        DynamoDbClient dynamo = dynalite.client();
        for (String name : List.of("Mixed", "mixed", "Twin", "TWIN")) {
            create(dynamo, table(name, "Id", ScalarAttributeType.S).build());
            load(dynamo, name, List.of(Map.of("Id", s("from " + name))));
        }

        moto = MotoServer.start();
        try (GlueClient glue = GlueClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            glue.createDatabase(b -> b.databaseInput(DatabaseInput.builder().name("twins").parameters(Map.of("athena_ddb", "true")).build()));
            glueTable(glue, "mixed_upper", Map.of("sourceTable", "Mixed"));
            glueTable(glue, "mixed_lower", Map.of("sourceTable", "mixed"));
            glueTable(glue, "twin_upper", Map.of("sourceTable", "TWIN"));
            glueTable(glue, "twin", Map.of());
        }
        wire = new LambdaWire(new DdbCompositeHandler(Map.of(
                ConnectorConfig.DYNAMODB_ENDPOINT, dynalite.endpoint().toString(),
                ConnectorConfig.REGION, "us-east-1",
                ConnectorConfig.QUERY_STATUS_CHECK, "false",
                GlueConfig.GLUE_ENDPOINT, moto.endpoint().toString())));
        athena = new AthenaSequence(wire);
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
        moto.stop();
    }

    @Test
    void aGlueSourceTableReachesTheTableItSpellsExactly()
    {
        assertThat(ids("twins", "mixed_upper")).containsExactly("from Mixed");
        assertThat(ids("twins", "mixed_lower")).containsExactly("from mixed");
        assertThat(ids("twins", "twin_upper")).containsExactly("from TWIN");
    }

    @Test
    void aLowerCasedNameReachesTheTableSpelledThatWay()
    {
        assertThat(ids("default", "mixed")).containsExactly("from mixed");
    }

    @Test
    void aNameMatchingSeveralTablesOnlyIgnoringCaseNamesThemAndHowToPickOne()
    {
        String message = errorMessage(() -> athena.getTable("default", "twin"));

        assertThat(message).isEqualTo("Table 'twin' is ambiguous: DynamoDB tables 'TWIN' and 'Twin' differ only by case, none is spelled "
                + "'twin', and Athena lower-cases table names. To read one, define a table in a Glue database marked for the connector "
                + "with the table property sourceTable set to its exact name, e.g. sourceTable=TWIN (athena-local: in the --definitions file).");
    }

    @Test
    void aGlueTableWhoseNameMatchesSeveralTablesSaysSoRatherThanNotFound()
    {
        String message = errorMessage(() -> athena.getTable("twins", "twin"));

        assertThat(message).isEqualTo("Glue database 'twins', table 'twin': its DynamoDB table 'twin' is ambiguous: tables 'TWIN' and 'Twin' "
                + "differ only by case and none is spelled 'twin'. Set the table property sourceTable to the exact name of one, "
                + "e.g. sourceTable=TWIN.");
    }

    /** The message Athena shows: one line, no stack trace. */
    private static String errorMessage(Runnable call)
    {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(ConnectorException.class);
        assertThat(LambdaErrorPayload.of(thrown)).contains("\"stackTrace\":[]");
        assertThat(thrown.getMessage()).doesNotContain("\n");
        return thrown.getMessage();
    }

    private static List<Object> ids(String schema, String table)
    {
        Schema columns = AthenaSequence.lowerCased(athena.getTable(schema, table).getSchema());
        return RecordedRead.of(athena, schema, table, columns, RecordedRead.summary(Map.of())).rows().stream().map(r -> r.get("id")).toList();
    }

    private static void glueTable(GlueClient glue, String name, Map<String, String> parameters)
    {
        glue.createTable(b -> b.databaseName("twins").tableInput(TableInput.builder().name(name).parameters(parameters)
                .storageDescriptor(StorageDescriptor.builder().columns(List.of()).build()).build()));
    }
}
