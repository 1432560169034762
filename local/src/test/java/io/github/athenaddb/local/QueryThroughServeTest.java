package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalCatalogs;
import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.LocalTrino;
import io.github.athenaddb.local.engine.ServeRegistry;
import io.github.athenaddb.local.engine.ServeState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.devkit.Dynalite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
            // A server that does not leave the stats (not athena-local's serve) is named instead.
            assertThat(run.err()).startsWith("-- 2 rows in ").contains("(the serve at " + trino.baseUrl() + " printed the stats)");
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

    @Test
    void theServesStatsArePrintedByTheQueryAsItsOwn()
            throws IOException
    {
        Dynalite dynalite = LocalCliTable.dynalite();
        LocalCatalogs catalogs = new LocalCatalogs(Map.of(), Optional.of(dynalite.endpoint()), Optional.empty());
        ServeRegistry registry = new ServeRegistry(dir);
        ByteArrayOutputStream serveErr = new ByteArrayOutputStream();
        Path statsJson = dir.resolve("stats.jsonl");
        try (LocalEngine serve = LocalEngine.serve(catalogs, EngineOptions.DEFAULTS, 0,
                ServeCommand.reportingTo(new PrintStream(serveErr, true, StandardCharsets.UTF_8), Optional.of(registry.statsFiles())))) {
            registry.register(ServeState.of(serve.baseUrl(), catalogs));

            CliRun run;
            System.setProperty(ServeRegistry.DIRECTORY_PROPERTY, dir.toString());
            try {
                run = CliRun.withEnvironment(Map.of(), "query", "SELECT sk FROM localcliorders WHERE pk = 'c1' AND sk = 2",
                        "--dynamodb-endpoint", dynalite.endpoint().toString(), "--stats-json", statsJson.toString());
            }
            finally {
                System.clearProperty(ServeRegistry.DIRECTORY_PROPERTY);
            }

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.err()).startsWith("-- 1 row in ")
                    // With the schema sample's Scans, when this serve has not cached the schema yet.
                    .containsPattern("-- ddb.default.localcliorders: 1 split, requests: GetItem 1, .* 1 row returned")
                    .contains("--   pushed: pk = 'c1' AND sk = 2");
            JsonNode json = new ObjectMapper().readTree(Files.readString(statsJson));
            assertThat(json.get("sources").get(0).get("requests").get("GetItem").asLong()).isEqualTo(1);
            assertThat(serveErr.toString(StandardCharsets.UTF_8)).contains("-- query done in ");
            // Taken: nothing is left behind.
            assertThat(dir.resolve("stats")).isEmptyDirectory();
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
