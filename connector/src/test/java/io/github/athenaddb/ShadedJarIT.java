package io.github.athenaddb;

import io.github.athenaddb.devkit.ColdStartProbe;
import io.github.athenaddb.devkit.Dynalite;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar Lambda runs, run in a fresh JVM: shading left out every library the connector should
 * never load, and this proves a GetTable and a full read still work with what is left.
 */
class ShadedJarIT
{
    @Test
    void shadedJarAnswersGetTableAndReadRecordsInAFreshJvm()
            throws Exception
    {
        Path jar = Path.of("target", "athena-ddb-connector-lambda.jar");
        assertThat(jar).exists();
        Dynalite dynalite = Dynalite.start();
        DynamoDbClient dynamo = dynalite.client();
        dynamo.createTable(table("Smoke-Items", "Id", ScalarAttributeType.S).build());
        load(dynamo, "Smoke-Items", List.of(Map.of("Id", s("a"), "Qty", n("1")), Map.of("Id", s("b"), "Qty", n("2.5"))));

        String devkit = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Daws.accessKeyId=test", "-Daws.secretAccessKey=test",
                "-cp", jar.toAbsolutePath() + File.pathSeparator + devkit,
                ColdStartProbe.class.getName(), "smoke-items",
                "dynamodb_endpoint=" + dynalite.endpoint(), "AWS_REGION=us-east-1", "athena_query_status_check=false")
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("\"rows\":2}");
        Files.writeString(Path.of("target", "cold-start.json"), output.lines().filter(l -> l.startsWith("{")).findFirst().orElse(""));
    }

    /**
     * LambdaJarPruner keeps the jar small: a ceiling here makes growth a decision (README: "Shaded
     * Lambda jar"). A class that a service file names but the jar lacks would fail ServiceLoader
     * for every provider of that service (the SDK's warm-up providers, JDBC drivers, SLF4J).
     */
    @Test
    void theShadedJarStaysSmallAndEveryListedServiceProviderIsInIt()
            throws Exception
    {
        Path jar = Path.of("target", "athena-ddb-connector-lambda.jar");
        assertThat(Files.size(jar)).as("bytes").isLessThanOrEqualTo(37_000_000L);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.stream().map(ZipEntry::getName)).noneMatch(n -> n.startsWith("META-INF/versions/"));
            List<? extends ZipEntry> serviceFiles = file.stream().filter(e -> e.getName().startsWith("META-INF/services/") && !e.isDirectory()).toList();
            assertThat(serviceFiles).isNotEmpty();
            for (ZipEntry services : serviceFiles) {
                for (String line : new String(file.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String provider = line.replaceAll("#.*", "").trim();
                    if (!provider.isEmpty()) {
                        assertThat(file.getEntry(provider.replace('.', '/') + ".class")).as(services.getName() + " lists " + provider).isNotNull();
                    }
                }
            }
        }
    }
}
