package io.github.athenaddb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.athenaddb.aws.CallTimeouts;
import io.github.athenaddb.aws.CrossAccountRole;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorConfigTest
{
    @Test
    void emptyEnvironmentGivesTheDefaults()
    {
        ConnectorConfig config = ConnectorConfig.fromMap(Map.of());

        assertThat(config).isEqualTo(new ConnectorConfig(
                "us-east-1", Optional.empty(), Optional.empty(), 256L * 1024 * 1024, 64, 1000, true, 100, 0L, 0.0, 300,
                new CallTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)), Optional.empty()));
    }

    @Test
    void everySettingIsRead()
    {
        ConnectorConfig config = ConnectorConfig.fromMap(Map.ofEntries(
                Map.entry("AWS_REGION", "eu-west-3"),
                Map.entry("dynamodb_endpoint", "http://127.0.0.1:8000"),
                Map.entry("scan_segments", "12"),
                Map.entry("scan_segment_target_mb", "64"),
                Map.entry("scan_max_segments", "500"),
                Map.entry("schema_sample_size", "50"),
                Map.entry("athena_query_status_check", "false"),
                Map.entry("max_key_lookups", "7"),
                Map.entry("scan_guard_mb", "2048"),
                Map.entry("max_read_units_per_second", "500"),
                Map.entry("schema_cache_seconds", "0"),
                Map.entry("aws_call_attempt_timeout_seconds", "5"),
                Map.entry("aws_call_timeout_seconds", "120"),
                Map.entry("cross_account_role_arn", "arn:aws:iam::111111111111:role/athena/reader"),
                Map.entry("sts_endpoint", "http://127.0.0.1:5000")));

        assertThat(config).isEqualTo(new ConnectorConfig(
                "eu-west-3", Optional.of(URI.create("http://127.0.0.1:8000")), Optional.of(12), 64L * 1024 * 1024, 500, 50, false, 7, 2048L * 1024 * 1024, 500.0, 0,
                new CallTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(120)),
                Optional.of(new CrossAccountRole("arn:aws:iam::111111111111:role/athena/reader", Optional.of(URI.create("http://127.0.0.1:5000"))))));
    }

    @Test
    void regionFallsBackToAwsDefaultRegionWhenAwsRegionIsBlank()
    {
        assertThat(ConnectorConfig.fromMap(Map.of("AWS_REGION", " ", "AWS_DEFAULT_REGION", " ap-south-1 ")).region())
                .isEqualTo("ap-south-1");
        assertThat(ConnectorConfig.fromMap(Map.of("AWS_REGION", "eu-north-1", "AWS_DEFAULT_REGION", "ap-south-1")).region())
                .isEqualTo("eu-north-1");
    }

    @Test
    void blankEndpointAndSegmentsMeanNotSet()
    {
        ConnectorConfig config = ConnectorConfig.fromMap(Map.of("dynamodb_endpoint", "  ", "scan_segments", ""));

        assertThat(config.dynamoDbEndpoint()).isEmpty();
        assertThat(config.scanSegments()).isEmpty();
    }

    @Test
    void valuesAreTrimmedAndBooleansIgnoreCase()
    {
        ConnectorConfig config = ConnectorConfig.fromMap(Map.of(
                "scan_segments", " 3 ", "athena_query_status_check", " FALSE ", "dynamodb_endpoint", " https://dynamodb.local "));

        assertThat(config.scanSegments()).contains(3);
        assertThat(config.queryStatusCheck()).isFalse();
        assertThat(config.dynamoDbEndpoint()).contains(URI.create("https://dynamodb.local"));
        assertThat(ConnectorConfig.fromMap(Map.of("athena_query_status_check", "True")).queryStatusCheck()).isTrue();
    }

    @Test
    void boundsOfTheRangesAreAccepted()
    {
        assertThat(ConnectorConfig.fromMap(Map.of("scan_segments", "1")).scanSegments()).contains(1);
        assertThat(ConnectorConfig.fromMap(Map.of("scan_segments", "1000")).scanSegments()).contains(1_000);
        assertThat(ConnectorConfig.fromMap(Map.of("scan_max_segments", "1000")).maxSegments()).isEqualTo(1_000);
        assertThat(ConnectorConfig.fromMap(Map.of("schema_sample_size", "100000")).sampleSize()).isEqualTo(100_000);
    }

    @ParameterizedTest(name = "{0}=''{1}''")
    @CsvSource(delimiter = '|', value = {
            "scan_segments | 0 | an integer from 1 to 1000 (more segments cannot run at once",
            "scan_segments | abc | an integer from 1 to 1000",
            "scan_segments | 1001 | an integer from 1 to 1000",
            "scan_segments | 100000 | an integer from 1 to 1000 (more segments cannot run at once",
            "scan_segments | 2.5 | an integer from 1 to 1000",
            "scan_segment_target_mb | 0 | an integer from 1 to 1000000",
            "scan_max_segments | -1 | an integer from 1 to 1000",
            "scan_max_segments | 1001 | an integer from 1 to 1000",
            "schema_sample_size | 100001 | an integer from 1 to 100000",
            "dynamodb_endpoint | ftp://x | an http(s) URL",
            "dynamodb_endpoint | localhost:8000 | an http(s) URL",
            "dynamodb_endpoint | http:// | an http(s) URL",
            "dynamodb_endpoint | http://bad host | an http(s) URL",
            "athena_query_status_check | maybe | true or false",
            "athena_query_status_check | 1 | true or false",
            "aws_call_timeout_seconds | 0 | an integer from 1 to 900",
            "aws_call_timeout_seconds | 901 | an integer from 1 to 900",
            "aws_call_attempt_timeout_seconds | 1.5 | an integer from 1 to 900",
            "aws_call_attempt_timeout_seconds | 31 | at most aws_call_timeout_seconds (30)",
            "enable_query_passthrough | ture | true or false",
            "enable_query_passthrough | ' true' | true or false",
            "disable_spill_encryption | yes | true or false",
            "MAX_BLOCK_SIZE_BYTES | 4MB | a positive number of bytes",
            "MAX_BLOCK_SIZE_BYTES | 0 | a positive number of bytes",
            "cross_account_role_arn | 111111111111 | an IAM role ARN",
            "cross_account_role_arn | arn:aws:iam::111111111111:user/bob | an IAM role ARN",
            "sts_endpoint | http://127.0.0.1:5000 | no value: STS is asked only for cross_account_role_arn",
            "disable_projection_and_casing | never | auto or always",
            "spill_put_request_headers | x-amz-server-side-encryption: AES256 | a JSON object of header names and string values",
            "spill_put_request_headers | {\"x-amz-server-side-encryption\": 256} | a JSON object of header names and string values"})
    void invalidValueFailsNamingTheSetting(String setting, String value, String expected)
    {
        assertThatThrownBy(() -> ConnectorConfig.fromMap(Map.of(setting, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid configuration " + setting + "='" + value + "'")
                .hasMessageContaining("expected " + expected);
    }

    @Test
    void theSdksBooleansAcceptTrueAndFalseInAnyCase()
    {
        assertThat(ConnectorConfig.fromMap(Map.of("enable_query_passthrough", "FALSE", "disable_spill_encryption", "True")).region())
                .isEqualTo("us-east-1");
    }

    @Test
    void theOfficialConnectorsGlueConnectionIsRefusedSayingWhatToDoInstead()
    {
        assertThatThrownBy(() -> ConnectorConfig.fromMap(Map.of("glue_connection", "ddb-conn")))
                .hasMessage("Invalid configuration glue_connection='ddb-conn': Glue connections are not read here; set the connection's "
                        + "properties (spill_bucket, kms_key_id, ...) as environment variables of the function instead");
        assertThat(ConnectorConfig.fromMap(Map.of("disable_projection_and_casing", "ALWAYS")).region()).isEqualTo("us-east-1");
        assertThat(ConnectorConfig.fromMap(Map.of("spill_put_request_headers", "{\"x-amz-server-side-encryption\" : \"AES256\"}")).region())
                .isEqualTo("us-east-1");
    }

    @Test
    void constructorRefusesNulls()
    {
        assertThatThrownBy(() -> new ConnectorConfig(null, Optional.empty(), Optional.empty(), 1, 1, 1, true, 1, 0, 0, 0, CallTimeouts.DEFAULT, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ConnectorConfig("r", null, Optional.empty(), 1, 1, 1, true, 1, 0, 0, 0, CallTimeouts.DEFAULT, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void anUnsetAttemptTimeoutFollowsAShorterCallTimeout()
    {
        assertThat(ConnectorConfig.fromMap(Map.of("aws_call_timeout_seconds", "4")).callTimeouts())
                .isEqualTo(new CallTimeouts(Duration.ofSeconds(4), Duration.ofSeconds(4)));
        assertThat(ConnectorConfig.fromMap(Map.of("aws_call_attempt_timeout_seconds", "30")).callTimeouts())
                .isEqualTo(new CallTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30)));
    }

    @Test
    void inLambdaASpillBucketIsRequired()
    {
        assertThatThrownBy(() -> ConnectorConfig.fromMap(Map.of("AWS_LAMBDA_FUNCTION_NAME", "ddb")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spill_bucket is not set")
                .hasMessageContaining("function ddb");
        assertThat(ConnectorConfig.fromMap(Map.of("AWS_LAMBDA_FUNCTION_NAME", "ddb", "spill_bucket", "b")).region()).isEqualTo("us-east-1");
    }
}
