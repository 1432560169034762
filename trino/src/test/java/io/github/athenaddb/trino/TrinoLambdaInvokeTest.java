package io.github.athenaddb.trino;

import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.Tables;
import io.trino.Session;
import io.trino.testing.StandaloneQueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * A catalog whose source is a Lambda function: every call goes through the AWS SDK's Lambda
 * client to a local server that speaks the Invoke API and runs the DynamoDB connector's handler.
 */
class TrinoLambdaInvokeTest
{
    private static final String FUNCTION = "athena-ddb";
    private static final String TABLE = "LambdaOrders";

    private static LambdaInvokeServer lambda;
    private static StandaloneQueryRunner trino;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        Tables.create(dynalite.client(), Tables.table(TABLE, "PK", ScalarAttributeType.S).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            items.add(Map.of("PK", s("O#" + i), "Total", n(Integer.toString(i * 10))));
        }
        Tables.load(dynalite.client(), TABLE, items);
        lambda = LambdaInvokeServer.start(FUNCTION, new DdbCompositeHandler(Map.of(
                "dynamodb_endpoint", dynalite.endpoint().toString(),
                "AWS_REGION", "us-east-1",
                "athena_query_status_check", "false")));

        Session session = testSessionBuilder().setCatalog("lambda:ddb").setSchema("default").build();
        trino = new StandaloneQueryRunner(session);
        trino.installPlugin(new FederationPlugin());
        trino.createCatalog("lambda:ddb", FederationConnectorFactory.NAME, Map.of(
                "federation.lambda-function", "arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION,
                "federation.lambda-endpoint", lambda.endpoint().toString(),
                "federation.region", "us-east-1"));
        trino.createCatalog("missing", FederationConnectorFactory.NAME, Map.of(
                "federation.lambda-function", "no-such-function",
                "federation.lambda-endpoint", lambda.endpoint().toString(),
                "federation.region", "us-east-1"));
    }

    @AfterAll
    static void tearDown()
    {
        if (trino != null) {
            trino.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void queriesRunThroughTheInvokeApi()
    {
        assertThat(trino.execute("SELECT count(*), sum(total) FROM lambdaorders WHERE total > 100").getMaterializedRows().get(0).getFields())
                .containsExactly(10L, 1550L);
        assertThat(trino.execute("SELECT pk FROM lambdaorders WHERE pk = 'O#7'").getOnlyValue()).isEqualTo("O#7");
        assertThat(lambda.invoked()).contains("arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION);
    }

    @Test
    void aFunctionErrorIsOneTrinoErrorWithTheConnectorsMessage()
    {
        // The connector throws; Lambda returns its error document, whose message is the query's error.
        assertThatThrownBy(() -> trino.execute("SELECT * FROM nosuchtable"))
                .hasMessage("Table 'nosuchtable' not found: no DynamoDB table has that name (compared ignoring case)");
    }

    @Test
    void anUnknownFunctionIsNamed()
    {
        assertThatThrownBy(() -> trino.execute("SHOW SCHEMAS FROM missing"))
                .hasMessageContaining("Lambda function no-such-function could not be invoked: Function not found: no-such-function");
    }
}
