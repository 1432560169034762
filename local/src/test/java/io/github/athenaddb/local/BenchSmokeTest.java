package io.github.athenaddb.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.devkit.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench --smoke} through the CLI: every scenario runs, and key lookups are Query/GetItem, never a Scan. */
class BenchSmokeTest
{
    @Test
    void smokeRunWritesEveryScenarioToJsonAndOneChartPerMetricToHtml(@TempDir Path dir)
            throws IOException
    {
        CliRun run = CliRun.of("bench", "--smoke", "--out", dir.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(only(dir, ".json").toFile());
        assertThat(json.get("machine").get("cores").asInt()).isPositive();
        assertThat(json.get("machine").get("maxHeapMiB").asLong()).isPositive();
        List<String> names = new ArrayList<>();
        json.get("scenarios").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactly("full-read-300", "lambda-read-300", "sql-full-read-300", "query-partition", "top-n", "point-lookup", "group-by", "jdbc-read-300",
                MotoServer.installed() ? "export-read-300" : "export-read", MotoServer.installed() ? "changes-read-100" : "changes-read", "cold-start");

        for (JsonNode s : json.get("scenarios")) {
            if (s.has("skipped") && s.get("skipped").asText().startsWith("moto_server is not installed")) {
                assertThat(MotoServer.installed()).isFalse();
                continue;
            }
            if (s.has("skipped")) {
                // Only the cold start may be skipped, when the shaded jar is not built.
                assertThat(s.get("name").asText()).isEqualTo("cold-start");
                assertThat(s.get("skipped").asText()).contains("mvn -q -pl connector -am package");
                continue;
            }
            assertThat(s.get("rows").asLong()).as(s.toString()).isPositive();
            assertThat(s.get("wallMs").get("median").asDouble()).as(s.toString()).isPositive();
            if (s.has("rcuRatio")) {
                // Consumed RCU never beats the lower bound (the local DynamoDB meters as DynamoDB does).
                assertThat(s.get("rcuRatio").asDouble()).as(s.toString()).isGreaterThanOrEqualTo(1.0);
                assertThat(s.get("peakHeapBytes").asLong()).isPositive();
            }
        }
        assertThat(scenario(json, "full-read-300").get("requests").has("Scan")).isTrue();
        assertThat(scenario(json, "sql-full-read-300").get("rows").asLong()).isEqualTo(300);
        assertThat(scenario(json, "full-read-300").get("rows").asLong()).isEqualTo(300);
        assertThat(scenario(json, "query-partition").get("rows").asLong()).isEqualTo(200);
        assertThat(scenario(json, "top-n").get("rows").asLong()).isEqualTo(10);
        assertThat(scenario(json, "point-lookup").get("rows").asLong()).isEqualTo(1);
        assertThat(requestTypes(scenario(json, "query-partition"))).containsExactly("Query");
        assertThat(requestTypes(scenario(json, "top-n"))).containsExactly("Query");
        assertThat(requestTypes(scenario(json, "point-lookup"))).containsExactly("GetItem");
        assertThat(scenario(json, "top-n").get("requests").get("Query").asLong()).isEqualTo(1);
        if (MotoServer.installed()) {
            // 300 items fit in one inline block under Athena's sizes: the Lambda-sized read only has to return them all.
            assertThat(scenario(json, "lambda-read-300").get("rows").asLong()).isEqualTo(300);
            assertThat(requestTypes(scenario(json, "lambda-read-300"))).containsExactly("Scan");
            // The export's rows come from S3 alone; the change table's from GetRecords (its schema sample was the warm-up run's).
            assertThat(scenario(json, "export-read-300").get("rows").asLong()).isEqualTo(300);
            assertThat(requestTypes(scenario(json, "export-read-300"))).containsExactly("GetObject");
            assertThat(scenario(json, "changes-read-100").get("rows").asLong()).isEqualTo(100);
            assertThat(requestTypes(scenario(json, "changes-read-100"))).containsExactly("GetRecords");
        }

        String html = Files.readString(only(dir, ".html"));
        assertThat(html.split("<svg", -1)).hasSize(HtmlReport.CHARTS.size() + 1);
        // Self-contained: no scripts, styles or images from anywhere else.
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link").contains("full-read-300");
        assertThat(run.out()).contains("query-partition").contains("Wrote ");
    }

    private static List<String> requestTypes(JsonNode scenario)
    {
        List<String> types = new ArrayList<>();
        scenario.get("requests").fieldNames().forEachRemaining(types::add);
        return types;
    }

    private static JsonNode scenario(JsonNode json, String name)
    {
        for (JsonNode s : json.get("scenarios")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no scenario " + name + " in " + json);
    }

    private static Path only(Path dir, String suffix)
            throws IOException
    {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matching = files.filter(f -> f.getFileName().toString().startsWith("bench-") && f.toString().endsWith(suffix)).toList();
            assertThat(matching).hasSize(1);
            return matching.get(0);
        }
    }
}
