package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import com.amazonaws.athena.connector.lambda.handlers.SerDeVersion;
import com.amazonaws.athena.connector.lambda.metadata.MetadataRequest;
import com.amazonaws.athena.connector.lambda.records.RecordRequest;
import com.amazonaws.athena.connector.lambda.request.FederationRequest;
import com.amazonaws.athena.connector.lambda.request.PingRequest;
import com.amazonaws.athena.connector.lambda.serde.VersionedObjectMapperFactory;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Suppliers;
import io.github.athenaddb.aws.BoundedAwsCalls;
import io.github.athenaddb.ddb.DdbMetadataHandler;
import io.github.athenaddb.ddb.DdbRecordHandler;
import io.github.athenaddb.ddb.DynamoDbClients;
import io.github.athenaddb.ddb.TableCatalog;
import io.github.athenaddb.ddb.exec.PartiqlReader;
import io.github.athenaddb.ddb.glue.GlueCatalogs;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.ddb.schema.ComplexColumns;
import io.github.athenaddb.ddb.schema.SampleSettings;
import io.github.athenaddb.ddb.schema.SchemaSampler;
import io.github.athenaddb.handler.FederationDispatch;
import io.github.athenaddb.handler.MetadataSource;
import io.github.athenaddb.handler.RecordSource;
import io.github.athenaddb.handler.SourceMetadataHandler;
import io.github.athenaddb.handler.SpillBucketCheck;
import io.github.athenaddb.jdbc.JdbcCatalogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.glue.model.ErrorDetails;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The connector's request handling behind {@link DdbCompositeHandler}: Athena sends every
 * metadata and record request as JSON; configuration comes from the environment.
 *
 * <p>Settings are read, and checked, when this is built; the handlers of each side (metadata,
 * records) are built by the first request of that side, and each AWS client by its first call:
 * a Lambda instance that only reads splits (most of those a query starts) never builds the
 * metadata side, one that only answers GetTable never builds the record side.
 * {@link #buildAll} builds both, for a snapshot (SnapStart).
 *
 * <p>Forwarded credentials that a request may carry ({@code fas_token}) are not used: the
 * function reads, spills and checks query status with its own role.
 */
public class ConnectorHandlers
        implements RequestStreamHandler
{
    private static final Logger log = LoggerFactory.getLogger(ConnectorHandlers.class);

    private final Supplier<MetadataSide> metadata;
    private final Supplier<CatalogRoutes<RecordSource>> records;
    private final Supplier<S3Client> spillS3;

    public ConnectorHandlers()
    {
        this(System.getenv());
    }

    public ConnectorHandlers(Map<String, String> environment)
    {
        this(environment, DynamoDbClients::create);
    }

    /** With the DynamoDB client {@code dynamoDbClient} builds from the settings (SnapStartPriming's answers from memory). */
    ConnectorHandlers(Map<String, String> environment, Function<ConnectorConfig, DynamoDbClient> dynamoDbClient)
    {
        SpillClients.pointKmsClientsAt(environment);
        ConnectorConfig config = ConnectorConfig.fromMap(environment);
        SpillClients.warnIfEncryptionOff(environment);
        // Every AWS call of the process gets the configured timeouts, the SDK's own clients' included (see BoundedAwsCalls).
        BoundedAwsCalls.use(config.callTimeouts());
        useRegionByDefault(config);
        GlueConfig glue = GlueConfig.fromMap(environment);
        // What the handlers built on first use would refuse, refused now: an invalid value stops the function at start.
        ComplexColumns.fromConfig(environment);
        String typeMismatch = environment.getOrDefault(DdbRecordHandler.TYPE_MISMATCH, "null").trim();
        if (!typeMismatch.equals("null") && !typeMismatch.equals("fail")) {
            throw new IllegalArgumentException("Invalid configuration " + DdbRecordHandler.TYPE_MISMATCH + "='" + typeMismatch + "': expected null or fail");
        }
        // One S3 client for the function, built by its first call: spill, the spill bucket check, exports, shared schemas.
        this.spillS3 = SpillClients.lazyS3(environment);
        JdbcCatalogs jdbc = JdbcCatalogs.create(environment, config, spillS3);
        // Both sides read DynamoDB through one client; the sampler checks its settings when built.
        DynamoDbClient dynamoDb = dynamoDbClient.apply(config);
        SchemaSampler sampler = new SchemaSampler(dynamoDb, SampleSettings.fromConfig(config.sampleSize(), environment));
        // DynamoDB serves every catalog but those with a JDBC connection string (<catalog>_connection_string).
        this.metadata = Suppliers.memoize(() -> {
            DdbMetadataHandler dynamo = new DdbMetadataHandler(config, new TableCatalog(dynamoDb, Clock.systemUTC()),
                    GlueCatalogs.create(glue, config), sampler, new PartiqlReader(dynamoDb), environment, spillS3);
            return new MetadataSide(new CatalogRoutes<MetadataSource>(dynamo, jdbc.metadata()),
                    new SpillBucketCheck(spillS3, environment.get(SourceMetadataHandler.SPILL_BUCKET)));
        });
        this.records = Suppliers.memoize(() -> new CatalogRoutes<RecordSource>(new DdbRecordHandler(config, dynamoDb, environment, spillS3),
                jdbc.records()));
    }

    /** Builds both sides now (what the first request of each would build), and an S3 client. */
    public void buildAll()
    {
        metadata.get();
        records.get();
        // Built by the first GetSplits otherwise (the spill bucket check) or the first spill. Building it opens no connection.
        spillS3.get();
    }

    /**
     * As the federation SDK's {@code CompositeHandler}: the request is read with the newest serialization version
     * that reads it, then goes to the side it belongs to; a failure leaves translated ({@link ErrorTranslator}).
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException
    {
        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
            byte[] body = input.readAllBytes();
            FederationRequest request = null;
            ObjectMapper mapper = null;
            for (int version = SerDeVersion.SERDE_VERSION; version >= 1 && request == null; version--) {
                try {
                    mapper = VersionedObjectMapperFactory.create(allocator, version);
                    request = mapper.readValue(body, FederationRequest.class);
                }
                catch (IllegalStateException e) {
                    log.debug("The request is not of serialization version {}; trying the one before", version);
                }
            }
            if (request == null) {
                throw new AthenaConnectorException("The request is of no serialization version the connector reads",
                        ErrorDetails.builder().errorCode(FederationSourceErrorCode.INVALID_INPUT_EXCEPTION.toString()).build());
            }
            if (request instanceof MetadataRequest metadataRequest) {
                metadataRequest.setContext(context);
            }
            dispatch(allocator, request, mapper, output);
            request.close();
        }
        catch (Exception e) {
            // A request that does not parse included: DdbCompositeHandler logs the one line, the caller gets it.
            throw ErrorTranslator.translate(e);
        }
    }

    private void dispatch(BlockAllocatorImpl allocator, FederationRequest request, ObjectMapper mapper, OutputStream output)
            throws Exception
    {
        if (request instanceof PingRequest ping) {
            FederationDispatch.ping(DdbMetadataHandler.SOURCE_TYPE, ping, mapper, output);
        }
        else if (request instanceof RecordRequest read) {
            FederationDispatch.records(records.get().route(read.getCatalogName()), allocator, read, mapper, output);
        }
        else if (request instanceof MetadataRequest metadataRequest) {
            MetadataSide side = metadata.get();
            FederationDispatch.metadata(side.sources().route(metadataRequest.getCatalogName()), side.spillBucket(), allocator, metadataRequest,
                    mapper, output);
        }
        else {
            throw ConnectorException.invalidInput("Unknown request " + request.getClass().getSimpleName());
        }
    }

    /**
     * The spill S3, KMS and Athena clients are built with the AWS SDK's defaults, region included.
     * Lambda always sets AWS_REGION; elsewhere (local runs, tests) the configured region is
     * made the default so those clients can be built.
     */
    private static void useRegionByDefault(ConnectorConfig config)
    {
        if (System.getenv("AWS_REGION") == null && System.getProperty("aws.region") == null) {
            System.setProperty("aws.region", config.region());
        }
    }

    /** The metadata handlers, and the check of the spill bucket their splits name. */
    private record MetadataSide(CatalogRoutes<MetadataSource> sources, SpillBucketCheck spillBucket) {}
}
