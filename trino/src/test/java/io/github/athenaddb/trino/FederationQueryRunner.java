package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.request.FederationRequest;
import com.amazonaws.athena.connector.lambda.serde.VersionedObjectMapperFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.devkit.Dynalite;
import io.trino.Session;
import io.trino.execution.QueryInfo;
import io.trino.testing.MaterializedResult;
import io.trino.testing.StandaloneQueryRunner;
import io.trino.testing.TestingDirectTrinoClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static io.trino.testing.TestingSession.testSessionBuilder;

/**
 * Trino in-process with catalogs of this connector over the DynamoDB connector
 * ({@link RecordingDdbHandler}) against dynalite, and the federation requests the handler
 * received, decoded with the SDK's mapper as the handler decoded them.
 */
final class FederationQueryRunner
        implements AutoCloseable
{
    // Held: java.util.logging keeps loggers weakly, and a collected one forgets its level.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private final StandaloneQueryRunner trino;
    private final BlockAllocator allocator = new BlockAllocatorImpl();
    private final ObjectMapper wire = VersionedObjectMapperFactory.create(allocator);

    private FederationQueryRunner(StandaloneQueryRunner trino)
    {
        this.trino = trino;
    }

    /** Trino with the session's catalog and schema {@code catalog.default}; add catalogs with {@link #catalog}. */
    static FederationQueryRunner start(String catalog)
    {
        // UTC as in Athena (Trino's test session otherwise uses America/Bahia_Banderas).
        Session session = testSessionBuilder().setCatalog(catalog).setSchema("default").setTimeZoneKey(UTC_KEY).build();
        StandaloneQueryRunner trino = new StandaloneQueryRunner(session);
        trino.installPlugin(new FederationPlugin());
        // The SDK logs every request and response at INFO, ValueSets included: hundreds of queries would mostly write logs.
        for (String name : List.of("com.amazonaws.athena.connector", "io.github.athenaddb")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
        return new FederationQueryRunner(trino);
    }

    /** A catalog of this connector over the DynamoDB connector on {@code dynalite}, with these handler settings and catalog properties. */
    FederationQueryRunner catalog(String name, Dynalite dynalite, Map<String, String> handlerSettings, Map<String, String> properties)
    {
        Map<String, String> catalog = new HashMap<>(properties);
        catalog.put("federation.handler", RecordingDdbHandler.class.getName());
        catalog.put("federation.config.dynamodb_endpoint", dynalite.endpoint().toString());
        catalog.put("federation.config.AWS_REGION", "us-east-1");
        catalog.put("federation.config.athena_query_status_check", "false");
        handlerSettings.forEach((setting, value) -> catalog.put("federation.config." + setting, value));
        trino.createCatalog(name, FederationConnectorFactory.NAME, catalog);
        return this;
    }

    MaterializedResult execute(String sql)
    {
        return trino.execute(sql);
    }

    MaterializedResult execute(Session session, String sql)
    {
        return trino.execute(session, sql);
    }

    /**
     * A {@code USE} as a client runs it: Trino answers with the catalog and schema to set (the
     * protocol's set-catalog and set-schema), and the client's next statements carry them.
     */
    Session use(Session session, String sql)
    {
        TestingDirectTrinoClient.Result result = trino.executeWithoutResults(session, sql);
        result.result().get();
        QueryInfo info = trino.getCoordinator().getQueryManager().getFullQueryInfo(result.queryId());
        return Session.builder(session).setCatalog(info.getSetCatalog()).setSchema(info.getSetSchema()).build();
    }

    Session defaultSession()
    {
        return trino.getDefaultSession();
    }

    /** The requests of this type the handler received since {@link RecordingDdbHandler#clear()}. */
    <T extends FederationRequest> List<T> requests(Class<T> type)
    {
        List<T> matching = new ArrayList<>();
        for (byte[] bytes : RecordingDdbHandler.received()) {
            try {
                FederationRequest request = wire.readValue(bytes, FederationRequest.class);
                if (type.isInstance(request)) {
                    matching.add(type.cast(request));
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return matching;
    }

    @Override
    public void close()
    {
        trino.close();
        allocator.close();
    }
}
