package io.github.athenaddb.local;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalCatalogs;
import picocli.CommandLine.Option;

import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.jdbc.JdbcSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where the DynamoDB connector reads from, and how the engine calls it; shared by query, explain and shell. */
final class SourceOptions
{
    @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
            description = "A DynamoDB API endpoint (dynalite, ...). Default: AWS, with the default credential chain.")
    URI endpoint;

    @Option(names = "--region", paramLabel = "R", description = "AWS region (default: AWS_REGION or us-east-1).")
    String region;

    @Option(names = "--glue-endpoint", paramLabel = "URL",
            description = "A Glue Data Catalog API endpoint (e.g. moto_server) whose marked databases define schema overrides and views.")
    URI glueEndpoint;

    @Option(names = "--definitions", paramLabel = "FILE",
            description = "Table definitions (overrides, entity views) in Glue's JSON shape, instead of a Glue catalog.")
    Path definitions;

    @Option(names = "--jdbc", paramLabel = "NAME=JDBC_URL",
            description = "Mount a PostgreSQL or MySQL database as catalog \"lambda:NAME\" / NAME (repeatable); ${secret} references are "
                    + "read from Secrets Manager.")
    Map<String, String> jdbc = new LinkedHashMap<>();

    @Option(names = "--no-pushdown", description = "Send no constraints or LIMIT to the connector: read everything, Trino filters.")
    boolean noPushdown;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    /**
     * @param environment the connector's settings by the Lambda's names ({@code scan_segments},
     *         {@code complex_columns}, ...); these options take precedence
     */
    LocalConnector connect(Map<String, String> environment)
    {
        return LocalConnector.forEndpoint(Optional.ofNullable(endpoint), settings(environment));
    }

    /** The catalogs these options and settings mount, without starting anything (to find a serve of the same). */
    LocalCatalogs catalogs(Map<String, String> environment)
    {
        return new LocalCatalogs(settings(environment), Optional.ofNullable(endpoint), Optional.empty(), !noPushdown);
    }

    private Map<String, String> settings(Map<String, String> environment)
    {
        Map<String, String> config = new HashMap<>(environment);
        if (region != null) {
            config.put(ConnectorConfig.REGION, region);
        }
        if (glueEndpoint != null) {
            config.put(GlueConfig.GLUE_ENDPOINT, glueEndpoint.toString());
        }
        if (definitions != null) {
            config.put(GlueConfig.GLUE_DEFINITIONS_FILE, definitions.toString());
        }
        jdbc.forEach((name, url) -> config.put(name.toLowerCase(java.util.Locale.ROOT) + JdbcSource.SUFFIX, url));
        return config;
    }

    EngineOptions engineOptions()
    {
        return new EngineOptions(!noPushdown, debug);
    }
}
