package io.github.athenaddb.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalCatalogs;
import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.ServeRegistry;
import io.github.athenaddb.local.engine.ServeState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code query} while a {@code serve} of the same source is up, set up as ServeCommand sets it up:
 * the script goes to the serve, which runs it (Trino lists its statements among its queries) and
 * prints it, rows, stats and errors, exactly as an engine of the query's own would.
 */
class QueryThroughServeTest
{
    @TempDir
    Path dir;

    private Dynalite dynalite;
    private LocalCatalogs catalogs;
    private ByteArrayOutputStream serveErr;
    private LocalEngine serve;
    private ServeScripts scripts;

    @BeforeEach
    void startServe()
    {
        dynalite = LocalCliTable.dynalite();
        catalogs = new LocalCatalogs(Map.of(), Optional.of(dynalite.endpoint()), Optional.empty());
        serveErr = new ByteArrayOutputStream();
        ServedStats served = new ServedStats();
        serve = LocalEngine.serve(catalogs, EngineOptions.DEFAULTS, 0,
                ServeCommand.reportingTo(new PrintStream(serveErr, true, StandardCharsets.UTF_8)).andThen(served));
        scripts = ServeScripts.start(serve.baseUrl(), served);
        new ServeRegistry(dir).register(ServeState.of(serve.baseUrl(), scripts.port(), catalogs));
    }

    @AfterEach
    void stopServe()
    {
        scripts.close();
        serve.close();
    }

    @Test
    void queryIsRunByTheServeWithTheSameOutputAndStats()
            throws IOException, InterruptedException
    {
        String sql = "SELECT sk, ship.city AS city FROM localcliorders WHERE pk = 'c1' ORDER BY sk DESC LIMIT 2";
        Path statsJson = dir.resolve("stats.jsonl");

        CliRun run = query(sql, "--stats-json", statsJson.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        // As QueryScriptTest's engine of its own prints it.
        assertThat(run.out()).isEqualTo("""
                | sk | city   |
                |----|--------|
                | 3  | Lyon   |
                | 2  | Nantes |
                """);
        // The partition's 3 rows are read: ORDER BY ... LIMIT is not sent (not declared), Trino sorts and cuts.
        assertThat(run.err()).startsWith("-- 2 rows in ")
                .containsPattern("-- ddb.default.localcliorders: 1 split, requests: .*Query 1, .* 3 rows returned")
                .contains("--   pushed: pk = 'c1'");
        JsonNode json = new ObjectMapper().readTree(Files.readString(statsJson));
        assertThat(json.get("sources").get(0).get("requests").get("Query").asLong()).isEqualTo(1);
        assertThat(queriesSeenBy(serve.baseUrl())).contains(sql);
        // The serve prints every query's stats on its own stderr too.
        assertThat(serveErr.toString(StandardCharsets.UTF_8)).contains("-- query done in ");
    }

    @Test
    void aScriptStopsAtItsFirstFailureWithItsOneLineAndExitCode()
    {
        CliRun run = query("SELECT 1 AS one; SELECT nope FROM localcliorders -- a comment\n; SELECT 3");

        assertThat(run.exit()).isEqualTo(Failures.BAD_INPUT);
        assertThat(run.out()).contains("| one |").doesNotContain("3 |");
        assertThat(run.err()).contains("athena-local: line 1:8: Column 'nope' cannot be resolved (COLUMN_NOT_FOUND)")
                .doesNotContain("\tat ");
    }

    @Test
    void aScriptWhoseClientGoesAwayIsCancelled()
            throws Exception
    {
        String sql = "SELECT x FROM UNNEST(sequence(1, 50000000)) AS t(x)";
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + scripts.port() + ServeScripts.PATH)
                .toURL().openConnection(Proxy.NO_PROXY);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        try (var body = connection.getOutputStream()) {
            ServeScripts.writeStatements(List.of(sql), body);
        }
        // The first rows arrive, then the client stops reading and goes (Ctrl-C).
        connection.getInputStream().readNBytes(64 * 1024);
        connection.disconnect();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String state = "";
        while (System.nanoTime() < deadline) {
            state = stateOf(serve.baseUrl(), sql);
            if (!state.equals("RUNNING") && !state.equals("QUEUED") && !state.equals("PLANNING") && !state.equals("STARTING")
                    && !state.equals("FINISHING") && !state.isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(state).isEqualTo("FAILED");
    }

    /** The state of the query with this text, as the server lists it. */
    private static String stateOf(URI server, String sql)
            throws IOException, InterruptedException
    {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/v1/query")).header("X-Trino-User", "test").build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (JsonNode query : new ObjectMapper().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body())) {
                if (query.get("query").asText().equals(sql)) {
                    return query.get("state").asText();
                }
            }
        }
        return "";
    }

    private CliRun query(String sql, String... options)
    {
        List<String> args = new ArrayList<>(List.of("query", sql, "--dynamodb-endpoint", dynalite.endpoint().toString()));
        args.addAll(List.of(options));
        System.setProperty(ServeRegistry.DIRECTORY_PROPERTY, dir.toString());
        try {
            return CliRun.withEnvironment(Map.of(), args.toArray(String[]::new));
        }
        finally {
            System.clearProperty(ServeRegistry.DIRECTORY_PROPERTY);
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
