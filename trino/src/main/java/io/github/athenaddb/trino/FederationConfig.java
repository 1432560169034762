package io.github.athenaddb.trino;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A catalog's properties: which federation source it reads, and the settings passed to it.
 * <ul>
 * <li>{@code federation.handler}: a {@code CompositeHandler} (any Lambda {@code RequestStreamHandler})
 * on the plugin's classpath, run in-process;</li>
 * <li>{@code federation.lambda-function}: a deployed Lambda function, invoked over the AWS API
 * (reserved; not implemented yet);</li>
 * <li>{@code federation.config.NAME=VALUE}: the handler's configuration, as its Lambda environment
 * variables would give it (e.g. {@code federation.config.dynamodb_endpoint});</li>
 * <li>{@code federation.catalog}: the catalog name sent in every request, which a multi-source
 * Lambda routes by; by default the Trino catalog's own name;</li>
 * <li>{@code federation.pushdown}: {@code true} (default) sends the predicate and LIMIT as Athena
 * does; {@code false} sends neither, so that Trino reads every row and evaluates the whole query
 * itself: a reference to compare a source's pushdown against.</li>
 * </ul>
 * Any other property is refused, so a misspelled one fails the catalog instead of being ignored.
 */
public record FederationConfig(FederationEndpoint endpoint, Map<String, String> handlerConfig, Optional<String> sourceCatalog, boolean pushdown)
{
    static final String HANDLER = "federation.handler";
    static final String LAMBDA_FUNCTION = "federation.lambda-function";
    static final String CATALOG = "federation.catalog";
    static final String CONFIG_PREFIX = "federation.config.";
    static final String PUSHDOWN = "federation.pushdown";

    public FederationConfig
    {
        requireNonNull(endpoint, "endpoint is null");
        handlerConfig = Map.copyOf(requireNonNull(handlerConfig, "handlerConfig is null"));
        requireNonNull(sourceCatalog, "sourceCatalog is null");
    }

    public static FederationConfig parse(Map<String, String> properties)
    {
        Map<String, String> handlerConfig = new LinkedHashMap<>();
        TreeSet<String> unknown = new TreeSet<>();
        properties.forEach((name, value) -> {
            if (name.startsWith(CONFIG_PREFIX) && name.length() > CONFIG_PREFIX.length()) {
                handlerConfig.put(name.substring(CONFIG_PREFIX.length()), value);
            }
            else if (!name.equals(HANDLER) && !name.equals(LAMBDA_FUNCTION) && !name.equals(CATALOG)
                    && !name.equals(PUSHDOWN)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown catalog properties " + unknown + ": expected " + HANDLER + ", " + LAMBDA_FUNCTION
                    + ", " + CATALOG + ", " + PUSHDOWN + " or " + CONFIG_PREFIX + "<name>");
        }
        String handler = blankToNull(properties.get(HANDLER));
        String function = blankToNull(properties.get(LAMBDA_FUNCTION));
        if ((handler == null) == (function == null)) {
            throw new IllegalArgumentException("Set exactly one of " + HANDLER + " (a handler class run in-process) and " + LAMBDA_FUNCTION
                    + " (a Lambda function's name or ARN)");
        }
        FederationEndpoint endpoint = handler != null ? new FederationEndpoint.InProcessHandler(handler) : new FederationEndpoint.LambdaFunction(function);
        return new FederationConfig(endpoint, handlerConfig, Optional.ofNullable(blankToNull(properties.get(CATALOG))),
                parsePushdown(properties.get(PUSHDOWN)));
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
