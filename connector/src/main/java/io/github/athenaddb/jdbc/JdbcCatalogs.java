package io.github.athenaddb.jdbc;

import com.google.common.base.Suppliers;
import io.github.athenaddb.ConnectorConfig;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The JDBC catalogs of the configuration, each with its metadata and record handler, sharing one
 * Secrets Manager client. The settings are read (and checked) at once; each side's handlers are
 * built when first asked for: a Lambda instance that only reads splits builds no metadata handler.
 */
public final class JdbcCatalogs
{
    public static final String SECRETS_ENDPOINT = "secretsmanager_endpoint";

    private final Set<String> catalogs;
    private final Supplier<Map<String, JdbcMetadataHandler>> metadata;
    private final Supplier<Map<String, JdbcRecordHandler>> records;

    private JdbcCatalogs(Set<String> catalogs, Supplier<Map<String, JdbcMetadataHandler>> metadata, Supplier<Map<String, JdbcRecordHandler>> records)
    {
        this.catalogs = catalogs;
        this.metadata = metadata;
        this.records = records;
    }

    /** @param s3 the function's S3 client, which the record handlers spill through */
    public static JdbcCatalogs create(Map<String, String> environment, ConnectorConfig config, Supplier<S3Client> s3)
    {
        Map<String, JdbcSource> sources = JdbcSource.fromConfig(environment);
        if (sources.isEmpty()) {
            return new JdbcCatalogs(Set.of(), Map::of, Map::of);
        }
        JdbcOptions options = JdbcOptions.fromConfig(environment);
        SecretReferences secrets = new SecretReferences(Suppliers.memoize(() -> secretsClient(environment, config)));
        Map<String, JdbcConnections> connections = new LinkedHashMap<>();
        sources.forEach((catalog, source) -> connections.put(catalog, new JdbcConnections(source, secrets)));
        return new JdbcCatalogs(Set.copyOf(connections.keySet()),
                Suppliers.memoize(() -> {
                    Map<String, JdbcMetadataHandler> handlers = new LinkedHashMap<>();
                    connections.forEach((catalog, source) -> handlers.put(catalog, new JdbcMetadataHandler(source, options, environment)));
                    return handlers;
                }),
                Suppliers.memoize(() -> {
                    Map<String, JdbcRecordHandler> handlers = new LinkedHashMap<>();
                    connections.forEach((catalog, source) -> handlers.put(catalog, new JdbcRecordHandler(source, options, config.queryStatusCheck(), environment, s3)));
                    return handlers;
                }));
    }

    /** The JDBC catalogs' names (none: DynamoDB serves every catalog). */
    public Set<String> catalogs()
    {
        return catalogs;
    }

    /** Each catalog's metadata handler, built on the first call. */
    public Map<String, JdbcMetadataHandler> metadata()
    {
        return metadata.get();
    }

    /** Each catalog's record handler, built on the first call. */
    public Map<String, JdbcRecordHandler> records()
    {
        return records.get();
    }

    private static SecretsManagerClient secretsClient(Map<String, String> environment, ConnectorConfig config)
    {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder().region(Region.of(config.region()))
                .httpClientBuilder(ApacheHttpClient.builder());
        String endpoint = environment.get(SECRETS_ENDPOINT);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint.trim()));
        }
        return builder.build();
    }
}
