package io.github.athenaddb.local;

import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.QueryResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Athena's TABLE(system.query(...)) through the engine, against moto_server's PartiQL. */
class PassthroughQueryTest
{
    private static MotoServer moto;
    private static LocalConnector connector;
    private static LocalEngine engine;

    @BeforeAll
    static void setUp()
    {
        moto = MotoServer.start();
        try (DynamoDbClient dynamo = Tables.client(moto.endpoint(), "us-east-1")) {
            dynamo.createTable(Tables.table("Orders", "PK", ScalarAttributeType.S).build());
            Tables.load(dynamo, "Orders", List.of(
                    Map.of("PK", s("O#1"), "Total", n("10"), "Status", s("PLACED")),
                    Map.of("PK", s("O#2"), "Total", n("20"), "Status", s("SHIPPED")),
                    Map.of("PK", s("O#3"), "Total", n("30"), "Status", s("SHIPPED"))));
        }
        connector = LocalConnector.forEndpoint(Optional.of(moto.endpoint()), Map.of());
        engine = connector.engine(EngineOptions.DEFAULTS);
    }

    @AfterAll
    static void tearDown()
            throws SQLException
    {
        engine.close();
        connector.close();
        moto.stop();
    }

    @Test
    void runsThePartiqlSelectAndLetsSqlWorkOnItsRows()
            throws SQLException
    {
        QueryResult r = engine.execute("SELECT status, sum(total) AS total "
                + "FROM TABLE(system.query(query => 'SELECT * FROM \"Orders\" WHERE Total >= 20')) GROUP BY status");
        assertThat(r.rows()).containsExactly(List.of("SHIPPED", 50L));
        assertThat(r.sources()).extracting(QueryResult.SourceStats::table).containsExactly("query");
        // One ExecuteStatement for GetTable's sample of the result, one for the split.
        assertThat(r.sources().get(0).requests()).isEqualTo(Map.of("ExecuteStatement", 2L));
        assertThat(r.sources().get(0).rowsReturned()).isEqualTo(2);
    }

    @Test
    void aStatementThatIsNotASelectIsRefusedWithTheConnectorsMessage()
    {
        assertThatThrownBy(() -> engine.execute("SELECT * FROM TABLE(system.query(query => 'DELETE FROM \"Orders\"'))"))
                .satisfies(e -> assertThat(Failures.message(e)).contains("system.query runs a single PartiQL SELECT"));
    }
}
