package io.github.athenaddb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.aws.CallTimeouts;
import io.github.athenaddb.aws.CrossAccountRole;
import io.github.athenaddb.handler.SourceRecordHandler;
import io.github.athenaddb.handler.SpillKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Every setting the connector reads, validated once at start. In Lambda the source is the
 * function's environment; the local engine passes the same names. An invalid value fails
 * construction with a message naming the setting, so a misconfigured function fails on its
 * first invocation instead of returning wrong rows later.
 */
public record ConnectorConfig(
        String region,
        Optional<URI> dynamoDbEndpoint,
        Optional<Integer> scanSegments,
        long segmentTargetBytes,
        int maxSegments,
        int sampleSize,
        boolean queryStatusCheck,
        int maxKeyLookups,
        long scanGuardBytes,
        double maxReadUnitsPerSecond,
        int schemaCacheSeconds,
        CallTimeouts callTimeouts,
        Optional<CrossAccountRole> crossAccountRole,
        Optional<URI> dynamoDbStreamsEndpoint)
{
    public static final String REGION = "AWS_REGION";
    public static final String DYNAMODB_ENDPOINT = "dynamodb_endpoint";
    /** For change tables ({@code <table>$changes}); the DynamoDB endpoint when not set. */
    public static final String DYNAMODB_STREAMS_ENDPOINT = "dynamodb_streams_endpoint";
    public static final String SCAN_SEGMENTS = "scan_segments";
    public static final String SEGMENT_TARGET_MB = "scan_segment_target_mb";
    public static final String MAX_SEGMENTS = "scan_max_segments";
    public static final String SAMPLE_SIZE = "schema_sample_size";
    public static final String QUERY_STATUS_CHECK = "athena_query_status_check";
    public static final String MAX_KEY_LOOKUPS = "max_key_lookups";
    public static final String SCAN_GUARD_MB = "scan_guard_mb";
    public static final String MAX_READ_UNITS_PER_SECOND = "max_read_units_per_second";
    public static final String SCHEMA_CACHE_SECONDS = "schema_cache_seconds";
    public static final String AWS_CALL_TIMEOUT_SECONDS = "aws_call_timeout_seconds";
    public static final String AWS_CALL_ATTEMPT_TIMEOUT_SECONDS = "aws_call_attempt_timeout_seconds";
    /** The official connector's name: DynamoDB is read as this role (STS AssumeRole), Glue still as the function. */
    public static final String CROSS_ACCOUNT_ROLE_ARN = "cross_account_role_arn";
    public static final String STS_ENDPOINT = "sts_endpoint";
    /** Read by the federation SDK itself (query passthrough capability, spill encryption); checked here only. */
    public static final String ENABLE_QUERY_PASSTHROUGH = "enable_query_passthrough";
    public static final String DISABLE_SPILL_ENCRYPTION = SpillKeys.DISABLE_SPILL_ENCRYPTION;
    public static final String SPILL_PUT_REQUEST_HEADERS = "spill_put_request_headers";

    /** Settings of the official connector that have no use here: see {@link #officialOnly}. */
    public static final String GLUE_CONNECTION = "glue_connection";
    public static final String DISABLE_PROJECTION_AND_CASING = "disable_projection_and_casing";

    public static final String DEFAULT_REGION = "us-east-1";
    /**
     * The most Scan segments (one split each) a read may use. DynamoDB accepts up to 1,000,000,
     * but no more than Lambda's default concurrency (1,000 per account) run at once, each costs at
     * least one request, and local emulators hash keys into few ranges: dynalite has 4,096, and
     * with 100,000 segments it returned 527,175 rows of a 21,087-item table.
     */
    public static final int MAX_SCAN_SEGMENTS = 1_000;
    private static final String SEGMENTS_WHY = "more segments cannot run at once: Lambda runs at most 1,000 per account by default";

    private static final Logger log = LoggerFactory.getLogger(ConnectorConfig.class);

    public ConnectorConfig
    {
        requireNonNull(region, "region is null");
        requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint is null");
        requireNonNull(scanSegments, "scanSegments is null");
        requireNonNull(callTimeouts, "callTimeouts is null");
        requireNonNull(crossAccountRole, "crossAccountRole is null");
        requireNonNull(dynamoDbStreamsEndpoint, "dynamoDbStreamsEndpoint is null");
    }

    /** Without a streams endpoint of its own: streams are read at the DynamoDB endpoint. */
    public ConnectorConfig(String region, Optional<URI> dynamoDbEndpoint, Optional<Integer> scanSegments, long segmentTargetBytes,
                           int maxSegments, int sampleSize, boolean queryStatusCheck, int maxKeyLookups, long scanGuardBytes,
                           double maxReadUnitsPerSecond, int schemaCacheSeconds, CallTimeouts callTimeouts,
                           Optional<CrossAccountRole> crossAccountRole)
    {
        this(region, dynamoDbEndpoint, scanSegments, segmentTargetBytes, maxSegments, sampleSize, queryStatusCheck, maxKeyLookups,
                scanGuardBytes, maxReadUnitsPerSecond, schemaCacheSeconds, callTimeouts, crossAccountRole, Optional.empty());
    }

    public static ConnectorConfig fromMap(Map<String, String> env)
    {
        officialOnly(env);
        requireSpillBucketInLambda(env);
        requireSdkBoolean(env, ENABLE_QUERY_PASSTHROUGH);
        requireSdkBoolean(env, DISABLE_SPILL_ENCRYPTION);
        SourceRecordHandler.maxBlockBytes(env);
        requireHeaderObject(env);
        String region = firstNonBlank(env.get(REGION), env.get("AWS_DEFAULT_REGION"), DEFAULT_REGION);
        return new ConnectorConfig(
                region,
                Optional.ofNullable(blankToNull(env.get(DYNAMODB_ENDPOINT))).map(v -> parseEndpoint(DYNAMODB_ENDPOINT, v)),
                Optional.ofNullable(blankToNull(env.get(SCAN_SEGMENTS)))
                        .map(v -> parseInt(SCAN_SEGMENTS, v, 1, MAX_SCAN_SEGMENTS, SEGMENTS_WHY)),
                parseInt(SEGMENT_TARGET_MB, env.getOrDefault(SEGMENT_TARGET_MB, "256"), 1, 1_000_000) * 1024L * 1024L,
                parseInt(MAX_SEGMENTS, env.getOrDefault(MAX_SEGMENTS, "64"), 1, MAX_SCAN_SEGMENTS, SEGMENTS_WHY),
                parseInt(SAMPLE_SIZE, env.getOrDefault(SAMPLE_SIZE, "1000"), 1, 100_000),
                parseBoolean(QUERY_STATUS_CHECK, env.getOrDefault(QUERY_STATUS_CHECK, "true")),
                parseInt(MAX_KEY_LOOKUPS, env.getOrDefault(MAX_KEY_LOOKUPS, "100"), 1, 10_000),
                parseInt(SCAN_GUARD_MB, env.getOrDefault(SCAN_GUARD_MB, "0"), 0, Integer.MAX_VALUE) * 1024L * 1024L,
                parseInt(MAX_READ_UNITS_PER_SECOND, env.getOrDefault(MAX_READ_UNITS_PER_SECOND, "0"), 0, Integer.MAX_VALUE),
                parseInt(SCHEMA_CACHE_SECONDS, env.getOrDefault(SCHEMA_CACHE_SECONDS, "300"), 0, 86_400),
                callTimeouts(env),
                crossAccountRole(env),
                Optional.ofNullable(blankToNull(env.get(DYNAMODB_STREAMS_ENDPOINT))).map(v -> parseEndpoint(DYNAMODB_STREAMS_ENDPOINT, v)));
    }

    /** An STS endpoint without a role to assume would be a setting that does nothing: refused, as a typo would be. */
    private static Optional<CrossAccountRole> crossAccountRole(Map<String, String> env)
    {
        Optional<URI> sts = Optional.ofNullable(blankToNull(env.get(STS_ENDPOINT))).map(v -> parseEndpoint(STS_ENDPOINT, v));
        String arn = blankToNull(env.get(CROSS_ACCOUNT_ROLE_ARN));
        if (arn == null) {
            if (sts.isPresent()) {
                throw new IllegalArgumentException(invalid(STS_ENDPOINT, env.get(STS_ENDPOINT), "no value: STS is asked only for "
                        + CROSS_ACCOUNT_ROLE_ARN + ", which is not set"));
            }
            return Optional.empty();
        }
        if (!CrossAccountRole.isRoleArn(arn.trim())) {
            throw new IllegalArgumentException(invalid(CROSS_ACCOUNT_ROLE_ARN, arn, "an IAM role ARN such as arn:aws:iam::123456789012:role/athena-reader"));
        }
        return Optional.of(new CrossAccountRole(arn.trim(), sts));
    }

    /** Both within Lambda's longest invocation (900 s); an attempt cannot outlast the call it is part of. */
    private static CallTimeouts callTimeouts(Map<String, String> env)
    {
        int total = parseInt(AWS_CALL_TIMEOUT_SECONDS,
                env.getOrDefault(AWS_CALL_TIMEOUT_SECONDS, Long.toString(CallTimeouts.DEFAULT.total().toSeconds())), 1, 900);
        String attemptValue = env.get(AWS_CALL_ATTEMPT_TIMEOUT_SECONDS);
        // Unset, the attempt timeout follows a shorter call timeout down rather than refusing it.
        int attempt = attemptValue == null || attemptValue.isBlank()
                ? (int) Math.min(total, CallTimeouts.DEFAULT.attempt().toSeconds())
                : parseInt(AWS_CALL_ATTEMPT_TIMEOUT_SECONDS, attemptValue, 1, 900);
        if (attempt > total) {
            throw new IllegalArgumentException(invalid(AWS_CALL_ATTEMPT_TIMEOUT_SECONDS, attemptValue,
                    "at most " + AWS_CALL_TIMEOUT_SECONDS + " (" + total + ")"));
        }
        return new CallTimeouts(Duration.ofSeconds(attempt), Duration.ofSeconds(total));
    }

    /**
     * Two settings of the official connector with no counterpart here. {@code glue_connection} names a Glue
     * connection whose properties the official connector reads as its settings; this one reads only its
     * environment, so it would start with none of them: refused, naming what to do instead.
     * {@code disable_projection_and_casing} works around the official connector's case-sensitive attribute
     * names; here attributes are always matched to columns ignoring case and only those queried are read,
     * so either value behaves as {@code always} would there, without reading every attribute.
     */
    private static void officialOnly(Map<String, String> env)
    {
        String connection = blankToNull(env.get(GLUE_CONNECTION));
        if (connection != null) {
            throw new IllegalArgumentException("Invalid configuration " + GLUE_CONNECTION + "='" + connection + "': Glue connections are not read "
                    + "here; set the connection's properties (spill_bucket, kms_key_id, ...) as environment variables of the function instead");
        }
        String casing = blankToNull(env.get(DISABLE_PROJECTION_AND_CASING));
        if (casing != null) {
            if (!casing.trim().equalsIgnoreCase("auto") && !casing.trim().equalsIgnoreCase("always")) {
                throw new IllegalArgumentException(invalid(DISABLE_PROJECTION_AND_CASING, casing, "auto or always"));
            }
            log.info("{}={} has no effect here: attributes are matched to columns ignoring case, and only the queried ones are read",
                    DISABLE_PROJECTION_AND_CASING, casing.trim());
        }
    }

    /**
     * In Lambda, a response over the 6 MB payload limit must be spilled to S3; without a bucket
     * the first large read would fail deep in the SDK. Local runs read responses inline.
     */
    private static void requireSpillBucketInLambda(Map<String, String> env)
    {
        if (blankToNull(env.get("AWS_LAMBDA_FUNCTION_NAME")) != null && blankToNull(env.get("spill_bucket")) == null) {
            throw new IllegalArgumentException("Invalid configuration: spill_bucket is not set. Athena reads results over the "
                    + "Lambda response limit (6 MB) from S3: set spill_bucket (and optionally spill_prefix) on function "
                    + env.get("AWS_LAMBDA_FUNCTION_NAME"));
        }
    }

    /**
     * The federation SDK takes anything but "true" (any case, no blanks) as false: a typo such as
     * {@code enable_query_passthrough=ture} would silently turn the feature off, so it fails at start.
     */
    private static void requireSdkBoolean(Map<String, String> env, String name)
    {
        String value = env.get(name);
        if (value != null && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(invalid(name, value, "true or false (as written, without blanks: the federation SDK reads it)"));
        }
    }

    /**
     * The federation SDK adds these headers to each spill PutObject (e.g. server-side encryption), and skips
     * them all, with only a log line, when the value is not a JSON object of strings: spill would then be
     * written without the encryption the headers ask for.
     */
    private static void requireHeaderObject(Map<String, String> env)
    {
        String value = blankToNull(env.get(SPILL_PUT_REQUEST_HEADERS));
        if (value == null) {
            return;
        }
        try {
            JsonNode headers = new ObjectMapper().readTree(value);
            if (headers != null && headers.isObject() && headers.properties().stream().allMatch(h -> h.getValue().isTextual())) {
                return;
            }
        }
        catch (JsonProcessingException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(invalid(SPILL_PUT_REQUEST_HEADERS, value,
                "a JSON object of header names and string values, e.g. {\"x-amz-server-side-encryption\": \"AES256\"}"));
    }

    private static URI parseEndpoint(String name, String value)
    {
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException(invalid(name, value, "an http(s) URL such as http://127.0.0.1:8000"));
            }
            return uri;
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException(invalid(name, value, "an http(s) URL such as http://127.0.0.1:8000"));
        }
    }

    /** An integer setting within [min, max], or an error naming the setting and the accepted range. */
    public static int parseInt(String name, String value, int min, int max)
    {
        return parseInt(name, value, min, max, null);
    }

    /** @param why why the range ends where it does, for the error message; null for none */
    private static int parseInt(String name, String value, int min, int max, String why)
    {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        }
        catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(invalid(name, value, "an integer from " + min + " to " + max + (why == null ? "" : " (" + why + ")")));
    }

    /** A true/false setting, or an error naming it. */
    public static boolean parseBoolean(String name, String value)
    {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(invalid(name, value, "true or false"));
    }

    private static String invalid(String name, String value, String expected)
    {
        return "Invalid configuration " + name + "='" + value + "': expected " + expected;
    }

    private static String blankToNull(String value)
    {
        return value == null || value.isBlank() ? null : value;
    }

    private static String firstNonBlank(String... values)
    {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        throw new IllegalStateException("no default");
    }
}
