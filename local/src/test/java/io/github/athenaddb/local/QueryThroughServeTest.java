package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.LocalCatalogs;
import io.github.athenaddb.local.engine.LocalTrino;
import io.github.athenaddb.local.engine.ServeRegistry;
import io.github.athenaddb.local.engine.ServeState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.devkit.Dynalite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code trino-query} while a {@code serve} of the same source is up: the statements go to that
 * server (it lists them among its queries) and print as on an engine of the query's own.
 */
class QueryThroughServeTest
{
    @TempDir
    Path dir;

    @Test
    void queryIsSentToTheRunningServeWithTheSameOutput()
            throws IOException, InterruptedException
    {
        Dynalite dynalite = LocalCliTable.dynalite();
        LocalCatalogs catalogs = new LocalCatalogs(Map.of(), Optional.of(dynalite.endpoint()), Optional.empty());
        ServeRegistry registry = new ServeRegistry(dir);
        String sql = "SELECT sk, ship.city AS city FROM localcliorders WHERE pk = 'c1' ORDER BY sk DESC LIMIT 2";
        try (LocalTrino trino = LocalTrino.start(catalogs, 0)) {
            // What serve does once its server answers.
            Path recorded = registry.register(ServeState.of(trino.baseUrl(), catalogs));

            CliRun run;
            System.setProperty(ServeRegistry.DIRECTORY_PROPERTY, dir.toString());
            try {
                run = CliRun.withEnvironment(Map.of(), "query", sql, "--dynamodb-endpoint", dynalite.endpoint().toString());
            }
            finally {
                System.clearProperty(ServeRegistry.DIRECTORY_PROPERTY);
            }

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.err()).startsWith("-- 2 rows in ").contains(" on the serve at " + trino.baseUrl());
            // As QueryScriptTest's engine of its own prints it.
            assertThat(run.out()).isEqualTo("""
                    | sk | city   |
                    |----|--------|
                    | 3  | Lyon   |
                    | 2  | Nantes |
                    """);
            assertThat(queriesSeenBy(trino.baseUrl())).contains(sql);
            assertThat(recorded).exists();
        }
    }

    /** The statements the server has run, from its query list (GET /v1/query), as its web UI shows them. */
    private static List<String> queriesSeenBy(URI server)
            throws IOException, InterruptedException
    {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/v1/query")).header("X-Trino-User", "test").build();
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> queries = new ArrayList<>();
        for (JsonNode query : new ObjectMapper().readTree(response.body())) {
            queries.add(query.get("query").asText());
        }
        return queries;
    }
}
