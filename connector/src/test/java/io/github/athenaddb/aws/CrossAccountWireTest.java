package io.github.athenaddb.aws;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.testing.SigningKeys;
import io.github.athenaddb.testing.SigningKeys.Signed;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code cross_account_role_arn} against moto_server's STS, DynamoDB and Glue. moto keeps one
 * set of resources per account and tells accounts apart by the access key a request is signed
 * with (an assumed role's keys belong to the role's account), so the table created here in
 * account 111111111111 is visible only to a client that signs with the assumed role's keys —
 * as with two real accounts. dynalite ignores credentials, hence moto for DynamoDB here.
 */
class CrossAccountWireTest
{
    private static final String ROLE = "arn:aws:iam::111111111111:role/athena-reader";
    private static final Region REGION = Region.US_EAST_1;
    private static final StaticCredentialsProvider FUNCTION = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    private static MotoServer moto;

    @BeforeAll
    static void setUp()
    {
        moto = MotoServer.start();
        Credentials role;
        try (StsClient sts = StsClient.builder().endpointOverride(moto.endpoint()).region(REGION).credentialsProvider(FUNCTION).build()) {
            role = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("table-owner")).credentials();
        }
        try (DynamoDbClient owner = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(),
                        role.sessionToken()))).build()) {
            owner.createTable(Tables.table("Ledger", "PK", ScalarAttributeType.S).build());
            Tables.load(owner, "Ledger", List.of(
                    Map.of("PK", s("L#1"), "Amount", n("10.25")),
                    Map.of("PK", s("L#2"), "Amount", n("20.5"))));
        }
        // The Glue catalog stays in the function's account, as the official connector reads it.
        try (GlueClient glue = GlueClient.builder().endpointOverride(moto.endpoint()).region(REGION).credentialsProvider(FUNCTION).build()) {
            glue.createDatabase(b -> b.databaseInput(DatabaseInput.builder().name("finance").locationUri("dynamo-db-flag").build()));
            glue.createTable(b -> b.databaseName("finance").tableInput(TableInput.builder().name("ledger")
                    .parameters(Map.of("classification", "dynamodb", "sourceTable", "Ledger"))
                    .storageDescriptor(StorageDescriptor.builder().columns(
                            Column.builder().name("pk").type("string").build(),
                            Column.builder().name("amount").type("decimal(10,2)").build()).build()).build()));
        }
    }

    @AfterAll
    static void tearDown()
    {
        moto.stop();
    }

    @Test
    void readsTheOtherAccountsTableSignedWithTheAssumedRolesKeys()
    {
        try (LambdaWire wire = new LambdaWire(new DdbCompositeHandler(settings(Map.of(ConnectorConfig.CROSS_ACCOUNT_ROLE_ARN, ROLE,
                ConnectorConfig.STS_ENDPOINT, moto.endpoint().toString()))))) {
            AthenaSequence athena = new AthenaSequence(wire);
            SigningKeys.start();
            List<Map<String, Object>> inferred = athena.scan("ledger");
            List<Map<String, Object>> declared = read(athena, "finance", "ledger");
            List<Signed> signed = SigningKeys.stop();

            assertThat(inferred).containsExactlyInAnyOrder(Map.of("pk", "L#1", "amount", new BigDecimal("10.250000000")),
                    Map.of("pk", "L#2", "amount", new BigDecimal("20.500000000")));
            assertThat(declared).containsExactlyInAnyOrder(Map.of("pk", "L#1", "amount", new BigDecimal("10.25")),
                    Map.of("pk", "L#2", "amount", new BigDecimal("20.50")));
            List<String> dynamoKeys = signed.stream().filter(r -> r.service().equals("DynamoDb")).map(Signed::accessKeyId).distinct().toList();
            List<String> stsKeys = signed.stream().filter(r -> r.service().equals("Sts")).map(Signed::accessKeyId).distinct().toList();
            List<String> glueKeys = signed.stream().filter(r -> r.service().equals("Glue")).map(Signed::accessKeyId).distinct().toList();
            assertThat(signed).filteredOn(r -> r.service().equals("Sts")).extracting(Signed::operation).containsExactly("AssumeRole")
                    .as("one AssumeRole: the session's credentials serve every later call");
            assertThat(dynamoKeys).as("every DynamoDB call signed with the role's temporary key").hasSize(1).allMatch(k -> k.startsWith("ASIA"));
            assertThat(glueKeys).as("Glue read as the function itself").isNotEmpty().doesNotContainAnyElementsOf(dynamoKeys);
            assertThat(stsKeys).isEqualTo(glueKeys);
        }
    }

    @Test
    void withoutTheRoleTheTableIsNotThere()
    {
        try (LambdaWire wire = new LambdaWire(new DdbCompositeHandler(settings(Map.of())))) {
            assertThatThrownBy(() -> new AthenaSequence(wire).getTable("ledger")).hasMessageContaining("Table 'ledger' not found");
        }
    }

    @Test
    void aRoleThatCannotBeAssumedFailsNamingTheSetting()
            throws Exception
    {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LambdaWire wire = new LambdaWire(new DdbCompositeHandler(settings(Map.of(ConnectorConfig.CROSS_ACCOUNT_ROLE_ARN, ROLE,
                ConnectorConfig.STS_ENDPOINT, "http://127.0.0.1:" + closedPort, ConnectorConfig.AWS_CALL_TIMEOUT_SECONDS, "5"))))) {
            assertThatThrownBy(() -> new AthenaSequence(wire).getTable("ledger"))
                    .hasMessageContaining("Could not assume the role " + ROLE + " (cross_account_role_arn) to read DynamoDB")
                    .hasMessageContaining("Connection refused")
                    .hasMessageNotContaining("\n");
        }
    }

    private static Map<String, String> settings(Map<String, String> extra)
    {
        Map<String, String> settings = new HashMap<>(Map.of(
                ConnectorConfig.DYNAMODB_ENDPOINT, moto.endpoint().toString(),
                ConnectorConfig.REGION, REGION.id(),
                ConnectorConfig.QUERY_STATUS_CHECK, "false",
                GlueConfig.GLUE_ENDPOINT, moto.endpoint().toString()));
        settings.putAll(extra);
        return settings;
    }

    private static List<Map<String, Object>> read(AthenaSequence athena, String schema, String table)
    {
        Schema columns = AthenaSequence.lowerCased(athena.getTable(schema, table).getSchema());
        List<Map<String, Object>> rows = new ArrayList<>();
        athena.read(schema, table, columns, new Constraints(Map.of(), List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, Map.of(), null), 1,
                block -> rows.addAll(AthenaSequence.rows(block)));
        return rows;
    }
}
