package io.github.athenaddb.jdbc;

import io.github.athenaddb.ConnectorConfig;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The JDBC catalogs of the configuration, each with its metadata and record handler, sharing one Secrets Manager client. */
public record JdbcCatalogs(Map<String, JdbcMetadataHandler> metadata, Map<String, JdbcRecordHandler> records)
{
    public static final String SECRETS_ENDPOINT = "secretsmanager_endpoint";

    public static JdbcCatalogs create(Map<String, String> environment, ConnectorConfig config)
    {
        Map<String, JdbcSource> sources = JdbcSource.fromConfig(environment);
        Map<String, JdbcMetadataHandler> metadata = new LinkedHashMap<>();
        Map<String, JdbcRecordHandler> records = new LinkedHashMap<>();
        if (sources.isEmpty()) {
            return new JdbcCatalogs(metadata, records);
        }
        JdbcOptions options = JdbcOptions.fromConfig(environment);
        SecretReferences secrets = new SecretReferences(memoize(() -> secretsClient(environment, config)));
        sources.forEach((catalog, source) -> {
            JdbcConnections connections = new JdbcConnections(source, secrets);
            metadata.put(catalog, new JdbcMetadataHandler(connections, options, environment));
            records.put(catalog, new JdbcRecordHandler(connections, options, config.queryStatusCheck(), environment));
        });
        return new JdbcCatalogs(metadata, records);
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

    /** Built on first use: a connection string without ${secret} needs no Secrets Manager at all. */
    private static <T> Supplier<T> memoize(Supplier<T> supplier)
    {
        return new Supplier<>()
        {
            private T value;

            @Override
            public synchronized T get()
            {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
