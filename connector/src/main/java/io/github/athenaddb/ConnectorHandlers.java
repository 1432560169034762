package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.handlers.CompositeHandler;
import io.github.athenaddb.aws.BoundedAwsCalls;
import io.github.athenaddb.ddb.DdbMetadataHandler;
import io.github.athenaddb.ddb.DdbRecordHandler;
import io.github.athenaddb.ddb.DynamoDbClients;
import io.github.athenaddb.ddb.TableCatalog;
import io.github.athenaddb.jdbc.JdbcCatalogs;
import io.github.athenaddb.ddb.glue.GlueCatalogs;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.ddb.exec.PartiqlReader;
import io.github.athenaddb.ddb.schema.SchemaSampler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/**
 * The Lambda entry point ({@code io.github.athenaddb.ConnectorHandlers}): Athena sends every
 * metadata and record request here as JSON. Configuration comes from the environment.
 */
public class ConnectorHandlers
        extends CompositeHandler
{
    public ConnectorHandlers()
    {
        this(System.getenv());
    }

    public ConnectorHandlers(Map<String, String> environment)
    {
        this(SpillClients.pointSdkClientsAt(environment), ConnectorConfig.fromMap(environment));
        SpillClients.warnIfEncryptionOff(environment);
    }

    private ConnectorHandlers(Map<String, String> environment, ConnectorConfig config)
    {
        this(environment, config, withDefaultRegion(config, DynamoDbClients.create(boundCalls(config))));
    }

    private ConnectorHandlers(Map<String, String> environment, ConnectorConfig config, DynamoDbClient dynamoDb)
    {
        this(environment, new DdbMetadataHandler(config, new TableCatalog(dynamoDb, Clock.systemUTC()),
                        GlueCatalogs.create(GlueConfig.fromMap(environment), config),
                        new SchemaSampler(dynamoDb, config.sampleSize(), SchemaSampler.segments(environment)), new PartiqlReader(dynamoDb), environment),
                new DdbRecordHandler(config, dynamoDb, environment), JdbcCatalogs.create(environment, config));
    }

    /** DynamoDB serves every catalog but those with a JDBC connection string ({@code <catalog>_connection_string}). */
    private ConnectorHandlers(Map<String, String> environment, DdbMetadataHandler dynamoMetadata, DdbRecordHandler dynamoRecords,
                                JdbcCatalogs jdbc)
    {
        // Without JDBC catalogs, no routing layer: each SDK handler builds its own AWS clients, which costs start-up time.
        super(jdbc.metadata().isEmpty() ? dynamoMetadata : new RoutingMetadataHandler(dynamoMetadata, jdbc.metadata(), environment),
                jdbc.records().isEmpty() ? dynamoRecords : new RoutingRecordHandler(dynamoRecords, jdbc.records(), environment));
    }

    @Override
    public Exception handleException(Exception e)
    {
        return ErrorTranslator.translate(e);
    }

    /** Every AWS call of the process gets the configured timeouts, the SDK's own clients' included (see BoundedAwsCalls). */
    private static ConnectorConfig boundCalls(ConnectorConfig config)
    {
        BoundedAwsCalls.use(config.callTimeouts());
        return config;
    }

    /**
     * The federation SDK builds its own S3, Athena and KMS clients from the default region chain.
     * Lambda always sets AWS_REGION; elsewhere (local runs, tests) the configured region is
     * made the default so those clients can be built.
     */
    private static DynamoDbClient withDefaultRegion(ConnectorConfig config, DynamoDbClient client)
    {
        if (System.getenv("AWS_REGION") == null && System.getProperty("aws.region") == null) {
            System.setProperty("aws.region", config.region());
        }
        return client;
    }
}
