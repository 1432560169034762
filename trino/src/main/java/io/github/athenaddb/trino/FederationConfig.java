package io.github.athenaddb.trino;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A catalog's properties: which federation source it reads, and the settings passed to it.
 * <ul>
 * <li>{@code federation.handler}: a {@code CompositeHandler} (any Lambda {@code RequestStreamHandler})
 * on the plugin's classpath, run in-process;</li>
 * <li>{@code federation.lambda-function}: a deployed Lambda function (name or ARN), invoked with
 * the AWS SDK's Lambda client (RequestResponse), with {@code federation.region} and
 * {@code federation.lambda-endpoint} (an endpoint override, for a local Lambda API);</li>
 * <li>{@code federation.config.NAME=VALUE}: the in-process handler's configuration, as its Lambda
 * environment variables would give it (e.g. {@code federation.config.dynamodb_endpoint}); a
 * deployed function has its own environment, so these are refused with one;</li>
 * <li>{@code federation.s3-endpoint}: where spilled results are read (S3 API, path-style), for a
 * local S3; {@code federation.max-inline-block-size}: the largest answer, in bytes, the source may
 * return inline rather than spill (ReadRecords' maxInlineBlockSize);</li>
 * <li>{@code federation.catalog}: the catalog name sent in every request, which a multi-source
 * Lambda routes by; by default the Trino catalog's own name;</li>
 * <li>{@code federation.pushdown}: {@code true} (default) sends the predicate and LIMIT as Athena
 * does; {@code false} sends neither, so that Trino reads every row and evaluates the whole query
 * itself: a reference to compare a source's pushdown against.</li>
 * </ul>
 * Any other property is refused, so a misspelled one fails the catalog instead of being ignored.
 */
public record FederationConfig(FederationEndpoint endpoint, Map<String, String> handlerConfig, Optional<String> sourceCatalog,
        AwsSettings aws, ReadSizes readSizes, boolean pushdown)
{
    static final String HANDLER = "federation.handler";
    static final String LAMBDA_FUNCTION = "federation.lambda-function";
    static final String CATALOG = "federation.catalog";
    static final String CONFIG_PREFIX = "federation.config.";
    static final String REGION = "federation.region";
    static final String LAMBDA_ENDPOINT = "federation.lambda-endpoint";
    static final String S3_ENDPOINT = "federation.s3-endpoint";
    static final String MAX_INLINE_BLOCK_SIZE = "federation.max-inline-block-size";
    static final String PUSHDOWN = "federation.pushdown";
    private static final Set<String> NAMES = Set.of(HANDLER, LAMBDA_FUNCTION, CATALOG, REGION, LAMBDA_ENDPOINT, S3_ENDPOINT,
            MAX_INLINE_BLOCK_SIZE, PUSHDOWN);

    public FederationConfig
    {
        requireNonNull(endpoint, "endpoint is null");
        handlerConfig = Map.copyOf(requireNonNull(handlerConfig, "handlerConfig is null"));
        requireNonNull(sourceCatalog, "sourceCatalog is null");
        requireNonNull(aws, "aws is null");
        requireNonNull(readSizes, "readSizes is null");
    }

    public static FederationConfig parse(Map<String, String> properties)
    {
        Map<String, String> handlerConfig = new LinkedHashMap<>();
        TreeSet<String> unknown = new TreeSet<>();
        properties.forEach((name, value) -> {
            if (name.startsWith(CONFIG_PREFIX) && name.length() > CONFIG_PREFIX.length()) {
                handlerConfig.put(name.substring(CONFIG_PREFIX.length()), value);
            }
            else if (!NAMES.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown catalog properties " + unknown + ": expected " + new TreeSet<>(NAMES) + " or "
                    + CONFIG_PREFIX + "<name>");
        }
        String handler = blankToNull(properties.get(HANDLER));
        String function = blankToNull(properties.get(LAMBDA_FUNCTION));
        if ((handler == null) == (function == null)) {
            throw new IllegalArgumentException("Set exactly one of " + HANDLER + " (a handler class run in-process) and " + LAMBDA_FUNCTION
                    + " (a Lambda function's name or ARN)");
        }
        if (function != null && !handlerConfig.isEmpty()) {
            throw new IllegalArgumentException(CONFIG_PREFIX + "* set the in-process handler's environment; the Lambda function " + function
                    + " has its own (set in Lambda): remove " + new TreeSet<>(handlerConfig.keySet()));
        }
        AwsSettings aws = new AwsSettings(Optional.ofNullable(blankToNull(properties.get(REGION))), uri(properties, LAMBDA_ENDPOINT),
                uri(properties, S3_ENDPOINT));
        FederationEndpoint endpoint = handler != null ? new FederationEndpoint.InProcessHandler(handler)
                : new FederationEndpoint.LambdaFunction(function, aws);
        ReadSizes sizes = ReadSizes.forEndpoint(endpoint);
        String inline = blankToNull(properties.get(MAX_INLINE_BLOCK_SIZE));
        if (inline != null) {
            sizes = sizes.withMaxInline(bytes(MAX_INLINE_BLOCK_SIZE, inline));
        }
        return new FederationConfig(endpoint, handlerConfig, Optional.ofNullable(blankToNull(properties.get(CATALOG))), aws, sizes,
                parsePushdown(properties.get(PUSHDOWN)));
    }

    private static Optional<URI> uri(Map<String, String> properties, String name)
    {
        String value = blankToNull(properties.get(name));
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "expected http(s)://host[:port]");
            }
            return Optional.of(uri);
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + "='" + value + "' is not an endpoint URL: " + e.getReason());
        }
    }

    private static long bytes(String name, String value)
    {
        try {
            long bytes = Long.parseLong(value);
            if (bytes > 0) {
                return bytes;
            }
        }
        catch (NumberFormatException ignored) {
            // refused below with the expected form
        }
        throw new IllegalArgumentException(name + "='" + value + "': expected a positive number of bytes");
    }

    // Strict, so that a typo ("flase") does not silently keep pushdown on.
    private static boolean parsePushdown(String value)
    {
        String text = blankToNull(value);
        if (text == null || text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(PUSHDOWN + "=" + value + ": expected true or false");
    }

    private static String blankToNull(String value)
    {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
