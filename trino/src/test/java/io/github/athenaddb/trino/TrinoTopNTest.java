package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.Tables;
import io.trino.Session;
import io.trino.testing.StandaloneQueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * ORDER BY ... LIMIT: sent as the Constraints' orderBy and limit only to a source that declares
 * top-N pushdown (here the DynamoDB connector with that capability added on the wire); to the
 * DynamoDB connector as it is, only what it declares, and Trino sorts. Either way, the rows are
 * the first ones in Trino's order.
 */
class TrinoTopNTest
{
    private static final String TABLE = "TopNScores";
    private static StandaloneQueryRunner trino;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        Tables.create(dynalite.client(), Tables.table(TABLE, "PK", ScalarAttributeType.S).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            // Scores in an order unlike the keys': 7 * i mod 41 visits 1..40 once each.
            items.add(Map.of("PK", s(String.format("u%02d", i)), "Score", n(Integer.toString(7 * i % 41))));
        }
        Tables.load(dynalite.client(), TABLE, items);

        Session session = testSessionBuilder().setCatalog("topn").setSchema("default").build();
        trino = new StandaloneQueryRunner(session);
        trino.installPlugin(new FederationPlugin());
        Map<String, String> settings = Map.of(
                "federation.config.dynamodb_endpoint", dynalite.endpoint().toString(),
                "federation.config.AWS_REGION", "us-east-1",
                "federation.config.athena_query_status_check", "false");
        trino.createCatalog("topn", FederationConnectorFactory.NAME, with(settings, TopNDeclaringDdbHandler.class));
        trino.createCatalog("ddb", FederationConnectorFactory.NAME, with(settings, RecordingDdbHandler.class));
    }

    private static Map<String, String> with(Map<String, String> settings, Class<?> handler)
    {
        Map<String, String> catalog = new java.util.HashMap<>(settings);
        catalog.put("federation.handler", handler.getName());
        return catalog;
    }

    @AfterAll
    static void tearDown()
    {
        if (trino != null) {
            trino.close();
        }
    }

    @BeforeEach
    void forgetRequests()
    {
        RecordingDdbHandler.clear();
    }

    @Test
    void orderByLimitIsSentToASourceThatDeclaresTopN()
    {
        assertThat(column("SELECT pk FROM topn.default.topnscores ORDER BY score DESC LIMIT 3")).containsExactly("u35", "u29", "u23");

        assertThat(WireRequests.received(ReadRecordsRequest.class)).isNotEmpty().allSatisfy(read -> {
            assertThat(read.getConstraints().getLimit()).isEqualTo(3);
            assertThat(read.getConstraints().getOrderByClause())
                    .containsExactly(new OrderByField("score", OrderByField.Direction.DESC_NULLS_LAST));
        });
    }

    @Test
    void nullsFirstAndSeveralKeysAreSentAsWritten()
    {
        assertThat(column("SELECT pk FROM topn.default.topnscores ORDER BY score ASC NULLS FIRST, pk DESC LIMIT 2")).containsExactly("u06", "u12");

        assertThat(WireRequests.received(ReadRecordsRequest.class)).isNotEmpty().allSatisfy(read -> assertThat(read.getConstraints().getOrderByClause())
                .containsExactly(new OrderByField("score", OrderByField.Direction.ASC_NULLS_FIRST),
                        new OrderByField("pk", OrderByField.Direction.DESC_NULLS_LAST)));
    }

    @Test
    void withoutTheCapabilityNeitherOrderNorLimitIsSentAndTrinoSorts()
    {
        assertThat(column("SELECT pk FROM ddb.default.topnscores ORDER BY score DESC LIMIT 3")).containsExactly("u35", "u29", "u23");

        assertThat(WireRequests.received(ReadRecordsRequest.class)).isNotEmpty().allSatisfy(read -> {
            assertThat(read.getConstraints().getLimit()).isEqualTo(Constraints.DEFAULT_NO_LIMIT);
            assertThat(read.getConstraints().getOrderByClause()).isEmpty();
        });
    }

    @Test
    void aFilterTrinoKeepsAboveTheScanStopsTheTopN()
    {
        assertThat(column("SELECT pk FROM topn.default.topnscores WHERE score < 30 ORDER BY score DESC LIMIT 2")).containsExactly("u10", "u04");

        assertThat(WireRequests.received(ReadRecordsRequest.class)).isNotEmpty().allSatisfy(read -> {
            assertThat(read.getConstraints().getLimit()).isEqualTo(Constraints.DEFAULT_NO_LIMIT);
            assertThat(read.getConstraints().getOrderByClause()).isEmpty();
            assertThat(read.getConstraints().getSummary()).containsOnlyKeys("score");
        });
    }

    private static List<Object> column(String sql)
    {
        return trino.execute(sql).getMaterializedRows().stream().map(r -> r.getField(0)).toList();
    }
}
