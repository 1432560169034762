package io.github.athenaddb.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.devkit.ColdStartProbe;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a Lambda cold start costs: {@link ColdStartProbe} in fresh JVMs on the shaded Lambda jar
 * (as {@code ShadedJarIT} runs it), against the bench's dynalite. The probe's classpath is the
 * shaded jar and the devkit jar only, never athena-local's jar, which holds every class the
 * shaded jar might lack and would hide a missing one.
 */
final class ColdStartBench
{
    static final String TABLE = "bench_cold";
    static final Path SHADED_JAR = Path.of("connector", "target", "athena-ddb-connector-lambda.jar");
    private static final int ITEMS = 100;

    private ColdStartBench() {}

    static BenchResults.Scenario run(LocalConnector local, int runs, PrintStream out)
            throws IOException, InterruptedException
    {
        String name = BenchScenario.COLD_START.id;
        String description = BenchScenario.COLD_START.description + "; median of " + runs;
        Path root = LocalConnector.examplesDirectory().getParent();
        Path jar = root.resolve(SHADED_JAR);
        if (!Files.isRegularFile(jar)) {
            return BenchResults.Scenario.skipped(name, description, "no shaded jar at " + SHADED_JAR
                    + " (build it with: mvn -q -pl connector -am package -DskipTests)");
        }
        Optional<Path> devkit = devkitJar(root);
        if (devkit.isEmpty()) {
            return BenchResults.Scenario.skipped(name, description, "no devkit jar (devkit/target/athena-ddb-devkit-*.jar) for the probe");
        }
        try (DynamoDbClient loader = local.loader()) {
            BenchData.createFlatTable(loader, TABLE);
            BenchData.load(loader, TABLE, ITEMS, BenchData::flatItem, out);
        }
        List<Double> ready = new ArrayList<>();
        List<Double> getTable = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            JsonNode probe = probe(jar, devkit.get(), local);
            ready.add(probe.get("handlerReadyMs").asDouble());
            getTable.add(probe.get("firstGetTableMs").asDouble());
            read.add(probe.get("firstFullReadMs").asDouble());
            out.printf("  cold start %d/%d: %s%n", i, runs, probe);
        }
        double mib = Files.size(jar) / (1024.0 * 1024.0);
        BenchResults.ColdStart cold = new BenchResults.ColdStart(runs, BenchResults.Stat.of(ready), BenchResults.Stat.of(getTable),
                BenchResults.Stat.of(read), mib);
        return new BenchResults.Scenario(name, description, null, (long) ITEMS, BenchResults.Stat.of(read), null, null, null, null,
                null, null, cold);
    }

    private static JsonNode probe(Path jar, Path devkit, LocalConnector local)
            throws IOException, InterruptedException
    {
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The JVM flags of the SAM template's JAVA_TOOL_OPTIONS, as the function starts.
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-Daws.accessKeyId=local", "-Daws.secretAccessKey=local",
                "-cp", jar + File.pathSeparator + devkit,
                ColdStartProbe.class.getName(), TABLE,
                "dynamodb_endpoint=" + local.endpoint(), "AWS_REGION=us-east-1", "athena_query_status_check=false")
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("cold-start probe failed: " + new String(output, StandardCharsets.UTF_8));
        }
        String json = new String(output, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{")).findFirst()
                .orElseThrow(() -> new IllegalStateException("cold-start probe printed no JSON: " + new String(output, StandardCharsets.UTF_8)));
        return new ObjectMapper().readTree(json);
    }

    /** The devkit's own jar: where the probe class came from if that is a jar of its own, else the build's. */
    private static Optional<Path> devkitJar(Path root)
            throws IOException
    {
        try {
            Path source = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source) || source.getFileName().toString().startsWith("athena-ddb-devkit")) {
                return Optional.of(source);
            }
        }
        catch (URISyntaxException | SecurityException e) {
            // fall through to the build directory
        }
        Path target = root.resolve("devkit").resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("athena-ddb-devkit-.*\\.jar")
                    && !f.getFileName().toString().contains("sources")).findFirst();
        }
    }
}
