package io.github.athenaddb.local.engine;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.jdbc.JdbcSource;
import io.github.athenaddb.trino.FederationConnectorFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The catalogs of the local engine: the DynamoDB/RDS connector in-process, mounted as {@code ddb}
 * and as {@code "lambda:ddb"} (the name Athena gives a Lambda catalog, so SQL written for Athena
 * runs unchanged). The connector gets the process environment as its Lambda environment, as the
 * Lambda reads its own, so every setting of README's Configuration table applies locally; the
 * command line's endpoint and region win over it.
 */
public record LocalCatalogs(Map<String, String> environment, Optional<URI> dynamodbEndpoint, Optional<String> region, boolean pushdown)
{
    static final String HANDLER = "io.github.athenaddb.DdbCompositeHandler";
    public static final String DYNAMODB_CATALOG = "ddb";
    private static final String LAMBDA_PREFIX = "lambda:";


    public LocalCatalogs(Map<String, String> environment, Optional<URI> dynamodbEndpoint, Optional<String> region)
    {
        this(environment, dynamodbEndpoint, region, true);
    }

    public LocalCatalogs
    {
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        requireNonNull(dynamodbEndpoint, "dynamodbEndpoint is null");
        requireNonNull(region, "region is null");
    }

    /** The connector's settings: the environment, then the options. */
    public Map<String, String> handlerSettings()
    {
        Map<String, String> settings = new LinkedHashMap<>(environment);
        dynamodbEndpoint.ifPresent(endpoint -> settings.put(ConnectorConfig.DYNAMODB_ENDPOINT, endpoint.toString()));
        region.ifPresent(r -> settings.put(ConnectorConfig.REGION, r));
        settings.putIfAbsent(ConnectorConfig.REGION, ConnectorConfig.DEFAULT_REGION);
        // There is no Athena to ask whether the query is still running.
        settings.put(ConnectorConfig.QUERY_STATUS_CHECK, "false");
        return settings;
    }

    /** A local endpoint (dynalite, DynamoDB Local) accepts any credentials, but the AWS SDK insists on having some. */
    public boolean needsDummyCredentials()
    {
        boolean local = handlerSettings().get(ConnectorConfig.DYNAMODB_ENDPOINT) != null;
        return local && environment.get("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null;
    }

    public String dynamodbEndpointSetting()
    {
        return handlerSettings().getOrDefault(ConnectorConfig.DYNAMODB_ENDPOINT, "");
    }

    public String regionSetting()
    {
        return handlerSettings().get(ConnectorConfig.REGION);
    }

    /**
     * A digest of the settings that decide what a query sees, so that {@code query} uses a running
     * {@code serve} only when it reads the same source the same way: the connector's and the
     * federation SDK's settings (all lower case: {@code dynamodb_endpoint}, {@code spill_bucket},
     * {@code glue_definitions_file}...) and the AWS SDK's ({@code AWS_REGION}, {@code AWS_PROFILE},
     * the credentials). The rest of the environment ({@code PATH}, {@code PWD}) differs from shell
     * to shell and is left out. A digest, not the values, so no secret is written down.
     */
    public String fingerprint()
    {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        new TreeMap<>(handlerSettings()).forEach((name, value) -> {
            if (decidesWhatIsRead(name)) {
                digest.update((name + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean decidesWhatIsRead(String name)
    {
        boolean lowerCase = name.chars().anyMatch(Character::isLowerCase) && name.chars().noneMatch(Character::isUpperCase);
        return lowerCase || name.startsWith("AWS_");
    }

    /**
     * The catalogs to mount: {@code ddb}, and one per JDBC source the settings configure
     * ({@code rds_connection_string} mounts {@code rds}), each also as {@code "lambda:NAME"}, the
     * name Athena gives it. The same Lambda serves them all, routing by the catalog each request names.
     */
    public List<String> catalogNames()
    {
        List<String> names = new ArrayList<>();
        names.add(DYNAMODB_CATALOG);
        // The connector's own reading of NAME_connection_string, which also refuses an unknown dialect.
        names.addAll(new TreeSet<>(JdbcSource.fromConfig(handlerSettings()).keySet()));
        List<String> withLambda = new ArrayList<>(names);
        names.forEach(name -> withLambda.add(LAMBDA_PREFIX + name));
        return withLambda;
    }

    /** The properties of each catalog, as {@code etc/catalog/NAME.properties} would hold them. */
    public Map<String, String> catalogProperties()
    {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("federation.handler", HANDLER);
        if (!pushdown) {
            properties.put("federation.pushdown", "false");
        }
        handlerSettings().forEach((name, value) -> properties.put("federation.config." + name, value));
        return properties;
    }

    public static String connectorName()
    {
        return FederationConnectorFactory.NAME;
    }
}
