package io.github.athenaddb.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/** athena-local reads the connector's settings from its environment, by the names the Lambda reads from its own. */
class EnvironmentSettingsTest
{
    private static final String SQL = "SELECT sku, tags FROM ddb.default.settingsproducts WHERE sku IN ('P1', 'P3') ORDER BY sku";
    private static Dynalite dynalite;

    @BeforeAll
    static void setUp()
    {
        dynalite = Dynalite.shared();
        DynamoDbClient dynamo = dynalite.client();
        dynamo.createTable(Tables.table("SettingsProducts", "Sku", ScalarAttributeType.S).build());
        Tables.load(dynamo, "SettingsProducts", List.of(
                Map.of("Sku", s("P1")),
                Map.of("Sku", s("P2")),
                Map.of("Sku", s("P3"), "Tags", AttributeValue.fromSs(List.of("a")))));
    }

    @Test
    void settingsInTheEnvironmentReachTheConnector(@TempDir Path dir)
            throws Exception
    {
        Path stats = dir.resolve("stats.json");
        CliRun run = CliRun.withEnvironment(Map.of("scan_segments", "3", "complex_columns", "json", "max_key_lookups", "1"),
                "query", "--dynamodb-endpoint", dynalite.endpoint().toString(), "--format", "json", "--stats-json", stats.toString(), SQL);

        assertThat(run.exit()).as(run.err()).isZero();
        // complex_columns=json: the string set is a varchar holding JSON, not an array.
        assertThat(run.out().lines()).containsExactly("{\"sku\":\"P1\",\"tags\":null}", "{\"sku\":\"P3\",\"tags\":\"[\\\"a\\\"]\"}");
        JsonNode source = new ObjectMapper().readTree(Files.readString(stats)).get("sources").get(0);
        // max_key_lookups=1: two keys are a Scan, not a BatchGetItem; scan_segments=3: three splits.
        assertThat(source.get("requests").get("BatchGetItem").asInt()).isZero();
        assertThat(source.get("splits").asInt()).isEqualTo(3);
        assertThat(source.get("requests").get("Scan").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void withoutThemTheDefaultsApply(@TempDir Path dir)
            throws Exception
    {
        Path stats = dir.resolve("stats.json");
        CliRun run = CliRun.withEnvironment(Map.of(),
                "query", "--dynamodb-endpoint", dynalite.endpoint().toString(), "--format", "json", "--stats-json", stats.toString(), SQL);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("{\"sku\":\"P1\",\"tags\":null}", "{\"sku\":\"P3\",\"tags\":[\"a\"]}");
        JsonNode source = new ObjectMapper().readTree(Files.readString(stats)).get("sources").get(0);
        assertThat(source.get("requests").get("BatchGetItem").asInt()).isEqualTo(1);
        assertThat(source.get("splits").asInt()).isEqualTo(1);
    }

    @Test
    void theEndpointComesFromTheEnvironmentAndTheOptionWins()
    {
        CliRun fromEnvironment = CliRun.withEnvironment(Map.of("dynamodb_endpoint", dynalite.endpoint().toString()),
                "query", "--format", "csv", "SELECT count(*) AS n FROM ddb.default.settingsproducts");
        assertThat(fromEnvironment.exit()).as(fromEnvironment.err()).isZero();
        assertThat(fromEnvironment.out()).isEqualTo("n\r\n3\r\n");

        CliRun option = CliRun.withEnvironment(Map.of("dynamodb_endpoint", "http://127.0.0.1:9"),
                "query", "--dynamodb-endpoint", dynalite.endpoint().toString(), "--format", "csv",
                "SELECT count(*) AS n FROM ddb.default.settingsproducts");
        assertThat(option.exit()).as(option.err()).isZero();
        assertThat(option.out()).isEqualTo("n\r\n3\r\n");

        CliRun invalid = CliRun.withEnvironment(Map.of("dynamodb_endpoint", "ftp://x"), "query", "SELECT 1");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err().strip()).startsWith("athena-local: Invalid configuration dynamodb_endpoint='ftp://x'").doesNotContain("\n");
    }

    /** Every setting of README's table that has a format (the endpoint above): a bad value is one line naming it, and exit code 2. */
    @ParameterizedTest(name = "{0}=''{1}''")
    @CsvSource(delimiter = '|', value = {
            "scan_segments | 0",
            "scan_segment_target_mb | big",
            "scan_max_segments | 0",
            "schema_sample_size | 0",
            "schema_sample_segments | 0",
            "schema_cache_seconds | -1",
            "athena_query_status_check | maybe",
            "max_key_lookups | 0",
            "scan_guard_mb | -1",
            "max_read_units_per_second | fast",
            "enable_query_passthrough | maybe",
            "disable_spill_encryption | maybe",
            "type_mismatch | explode",
            "complex_columns | deep",
            "complex_columns_depth | 0",
            "glue_catalog | maybe",
            "disable_glue | maybe",
            "cross_account_role_arn | reader",
            "disable_projection_and_casing | never",
            "glue_endpoint | ftp://x",
            "glue_definitions_file | /no/such/file.json"})
    void anInvalidSettingIsOneLineAndExitCodeTwo(String setting, String value)
    {
        CliRun run = CliRun.withEnvironment(Map.of(setting, value),
                "query", "--dynamodb-endpoint", dynalite.endpoint().toString(), "SELECT 1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("athena-local: Invalid configuration " + setting + "='" + value + "'");
    }

    @Test
    void jdbcSettingsAreCheckedWhenACatalogIsConfigured()
    {
        CliRun run = CliRun.withEnvironment(Map.of("shop_connection_string", "jdbc:postgresql://127.0.0.1:9/shop", "jdbc_max_splits", "0"),
                "query", "--dynamodb-endpoint", dynalite.endpoint().toString(), "SELECT 1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("athena-local: Invalid configuration jdbc_max_splits='0'");
    }

    @Test
    void commandsWithoutTheirOwnErrorReportingAlsoGiveOneLine()
    {
        CliRun explain = CliRun.withEnvironment(Map.of("scan_segments", "lots"),
                "explain", "--dynamodb-endpoint", dynalite.endpoint().toString(), "SELECT 1");
        CliRun shell = CliRun.withEnvironment(Map.of("scan_segments", "lots"), "shell", "--dynamodb-endpoint", dynalite.endpoint().toString());

        for (CliRun run : List.of(explain, shell)) {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err().strip()).startsWith("athena-local: Invalid configuration scan_segments='lots'").doesNotContain("\n");
        }
    }
}
