package io.github.athenaddb.local;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.local.engine.EngineOptions;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.HashMap;
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

    @Option(names = "--no-pushdown", description = "Send no constraints to the connector: read everything, filter in the engine.")
    boolean noPushdown;

    @Option(names = "--split-parallelism", defaultValue = "4", paramLabel = "N", description = "Splits read at once per table (default: ${DEFAULT-VALUE}).")
    int splitParallelism;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    LocalConnector connect()
    {
        Map<String, String> config = new HashMap<>();
        if (region != null) {
            config.put(ConnectorConfig.REGION, region);
        }
        return LocalConnector.forEndpoint(Optional.ofNullable(endpoint), config);
    }

    EngineOptions engineOptions()
    {
        return new EngineOptions(!noPushdown, splitParallelism);
    }
}
