package io.github.athenaddb.local;

import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.local.engine.ClientStatements;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalCatalogs;
import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.QueryResult;
import io.github.athenaddb.local.engine.ServedQuery;
import io.github.athenaddb.local.engine.ResultOutput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A serve's own stats of a query any client sent: what went to the connector and what DynamoDB was asked. */
class ServeStatsTest
{
    @Test
    void eachQueryOfAnyClientEndsWithItsStats()
            throws InterruptedException
    {
        Dynalite dynalite = LocalCliTable.dynalite();
        LinkedBlockingQueue<ServedQuery> completed = new LinkedBlockingQueue<>();
        LocalCatalogs catalogs = new LocalCatalogs(Map.of(), Optional.of(dynalite.endpoint()), Optional.empty());
        try (LocalEngine engine = LocalEngine.serve(catalogs, EngineOptions.DEFAULTS, 0, completed::add);
                ClientStatements client = new ClientStatements(engine.baseUrl(), "ddb", "default")) {
            client.execute("SELECT sk FROM localcliorders WHERE pk = 'c1' AND sk = 2", new Discard());

            ServedQuery served = completed.poll(30, TimeUnit.SECONDS);
            assertThat(served).isNotNull();
            assertThat(served.fromAthenaLocal()).isTrue();
            QueryResult stats = served.stats();
            assertThat(stats.sources()).singleElement().satisfies(source -> {
                assertThat(source.table()).isEqualTo("localcliorders");
                assertThat(source.pushedPerRead()).containsExactly("pk = 'c1' AND sk = 2");
                assertThat(source.requests()).containsEntry("GetItem", 1L);
                assertThat(source.rowsReturned()).isEqualTo(1);
            });
        }
    }

    private static final class Discard
            implements ResultOutput
    {
        @Override
        public void begin(List<String> columns, List<String> types) {}

        @Override
        public void row(List<Object> values) {}

        @Override
        public void end() {}
    }
}
