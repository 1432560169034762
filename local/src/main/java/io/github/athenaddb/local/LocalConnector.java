package io.github.athenaddb.local;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.ddb.schema.store.SharedSchemaLocation;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.DynamoJson;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalCatalogs;
import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.jdbc.JdbcSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DynamoDB connector running in this JVM in front of a DynamoDB endpoint (a dynalite it
 * started, or any endpoint, or AWS itself), reached only through the Lambda wire.
 */
final class LocalConnector
        implements AutoCloseable
{
    static final String SOURCE = "ddb";

    private final Optional<Dynalite> dynalite;
    private final Optional<URI> endpoint;
    private final Map<String, String> config;
    // Built on first use (bench's direct reads): query, explain, shell and serve reach the connector
    // through Trino's catalogs only, and a second handler would only slow their start.
    private LambdaWire wire;

    /**
     * @param settings the connector's settings by the Lambda's names (environment variables), with
     *         the endpoint already set when there is one
     */
    private LocalConnector(Optional<Dynalite> dynalite, Map<String, String> settings)
    {
        this.dynalite = dynalite;
        Map<String, String> config = new HashMap<>(settings);
        try {
            // Read once here so that a bad value is reported as a setting, before anything starts.
            ConnectorConfig parsed = ConnectorConfig.fromMap(config);
            this.endpoint = parsed.dynamoDbEndpoint();
            endpoint.ifPresent(e -> setDummyCredentials());
            config.put(ConnectorConfig.REGION, parsed.region());
            // There is no Athena to ask whether the query is still running.
            config.put(ConnectorConfig.QUERY_STATUS_CHECK, "false");
            schemaCacheDirectory().ifPresent(d -> config.putIfAbsent(SharedSchemaLocation.DIRECTORY_SETTING, d.toString()));
            this.config = Map.copyOf(config);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidSettingException(e.getMessage());
        }
    }

    /** The connector in this JVM through its Lambda entry point; it refuses an invalid setting at construction, naming it. */
    private synchronized LambdaWire wire()
    {
        if (wire == null) {
            try {
                wire = new LambdaWire(new DdbCompositeHandler(config));
            }
            catch (IllegalArgumentException e) {
                throw new InvalidSettingException(e.getMessage());
            }
        }
        return wire;
    }

    /** Athena's call sequence for the DynamoDB catalog. */
    AthenaSequence athena()
    {
        return new AthenaSequence(wire(), SOURCE);
    }

    /** @param settings the connector's settings; the dynalite's endpoint replaces any {@code dynamodb_endpoint} */
    static LocalConnector startWithDynalite(Map<String, String> settings)
    {
        Dynalite dynalite = Dynalite.start();
        Map<String, String> config = new HashMap<>(settings);
        config.put(ConnectorConfig.DYNAMODB_ENDPOINT, dynalite.endpoint().toString());
        try {
            return new LocalConnector(Optional.of(dynalite), config);
        }
        catch (RuntimeException e) {
            dynalite.stop();
            throw e;
        }
    }

    /**
     * @param endpoint empty for the settings' {@code dynamodb_endpoint}, or without one AWS itself,
     *         with the default credential chain
     */
    static LocalConnector forEndpoint(Optional<URI> endpoint, Map<String, String> settings)
    {
        Map<String, String> config = new HashMap<>(settings);
        endpoint.ifPresent(e -> config.put(ConnectorConfig.DYNAMODB_ENDPOINT, e.toString()));
        return new LocalConnector(Optional.empty(), config);
    }

    /** Trino's engine with the DynamoDB catalog, and one catalog per configured JDBC source, all reached through the Lambda wire. */
    LocalEngine engine(EngineOptions options)
    {
        return LocalEngine.start(catalogs(options), options);
    }

    /** The catalogs of this connector's settings. */
    LocalCatalogs catalogs(EngineOptions options)
    {
        return new LocalCatalogs(config, Optional.empty(), Optional.empty(), options.pushdown());
    }

    /** Athena's call sequence for another catalog of the same Lambda, e.g. a JDBC source. */
    AthenaSequence athena(String catalog)
    {
        return new AthenaSequence(wire(), catalog);
    }

    URI endpoint()
    {
        return endpoint.orElseThrow();
    }

    /** A plain DynamoDB client for loading data (never used to read for a query). */
    DynamoDbClient loader()
    {
        return Tables.client(endpoint(), config.get(ConnectorConfig.REGION));
    }

    int loadExample(Path directory)
    {
        CreateTableRequest table = DynamoJson.createTable(directory.resolve("table.json"));
        List<Map<String, AttributeValue>> items = DynamoJson.readItems(directory.resolve("items.jsonl"));
        try (DynamoDbClient client = loader()) {
            try {
                Tables.create(client, table);
            }
            catch (ResourceInUseException e) {
                throw new IllegalStateException("Table '" + table.tableName() + "' already exists at " + endpoint()
                        + ": load creates the table, so delete it first or load into another endpoint");
            }
            Tables.load(client, table.tableName(), items);
        }
        return items.size();
    }

    static Path examplesDirectory()
    {
        // bin/athena-local names its checkout; a caller may be anywhere.
        Path dir = Path.of(System.getProperty("athena.local.root", "")).toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("examples/ecommerce"))) {
                return dir.resolve("examples");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("examples/ not found: run athena-local from the repository");
    }

    /**
     * Where bin/athena-local's processes share inferred schemas: the checkout's target, like the serve
     * records, so that each query from a fresh process does not sample its tables again (and
     * {@code mvn clean} forgets them). None when not started by bin/athena-local (tests).
     */
    static Optional<Path> schemaCacheDirectory()
    {
        String root = System.getProperty("athena.local.root");
        return root == null || root.isBlank() ? Optional.empty()
                : Optional.of(Path.of(root).toAbsolutePath().resolve("local").resolve("target").resolve("athena-local-schemas"));
    }

    /** A local endpoint accepts any credentials, but the SDK insists on having some. */
    private static void setDummyCredentials()
    {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
    }

    @Override
    public void close()
    {
        synchronized (this) {
            if (wire != null) {
                wire.close();
            }
        }
        dynalite.ifPresent(Dynalite::stop);
    }
}
