package io.github.athenaddb.testing;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.devkit.LambdaWire;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The handler's settings (its Lambda environment) for a test against local servers: a DynamoDB
 * endpoint (dynalite or moto_server) in us-east-1, no Athena to ask whether the query still runs,
 * and whatever else a test sets: a Glue endpoint, a definitions file, a limit.
 */
public final class LocalSettings
{
    private final Map<String, String> settings = new HashMap<>();

    private LocalSettings(URI dynamoEndpoint)
    {
        settings.put(ConnectorConfig.DYNAMODB_ENDPOINT, dynamoEndpoint.toString());
        settings.put(ConnectorConfig.REGION, "us-east-1");
        settings.put(ConnectorConfig.QUERY_STATUS_CHECK, "false");
    }

    public static LocalSettings dynamo(URI endpoint)
    {
        return new LocalSettings(endpoint);
    }

    /** Glue Data Catalog calls go to {@code endpoint} (moto_server). */
    public LocalSettings glue(URI endpoint)
    {
        return with(GlueConfig.GLUE_ENDPOINT, endpoint.toString());
    }

    public LocalSettings with(String name, String value)
    {
        settings.put(name, value);
        return this;
    }

    /** A copy the caller may change, e.g. to try one more setting. */
    public Map<String, String> toMap()
    {
        return new HashMap<>(settings);
    }

    /** The connector's composite handler with these settings, called as Athena calls a Lambda function. */
    public LambdaWire wire()
    {
        return new LambdaWire(new DdbCompositeHandler(toMap()));
    }
}
