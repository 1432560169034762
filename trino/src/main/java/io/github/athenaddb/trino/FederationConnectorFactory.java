package io.github.athenaddb.trino;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.ConnectorFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

public final class FederationConnectorFactory
        implements ConnectorFactory
{
    public static final String NAME = "athena_federation";

    private final FederationListener listener;
    /**
     * In-process handlers by class and configuration: catalogs of the same source (Athena's
     * {@code "lambda:ddb"} and {@code ddb}) are one function, as one Lambda serves both, so its
     * caches (the schema sample) serve both. An in-process function holds nothing to close.
     */
    private final Map<FederationEndpoint.InProcessHandler, Map<Map<String, String>, FederationFunction>> inProcess = new ConcurrentHashMap<>();

    public FederationConnectorFactory()
    {
        this(FederationListener.NONE);
    }

    /** @param listener told what every catalog of this factory asks its source (an embedding engine's stats) */
    public FederationConnectorFactory(FederationListener listener)
    {
        this.listener = requireNonNull(listener, "listener is null");
    }

    @Override
    public String getName()
    {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> config, ConnectorContext context)
    {
        requireNonNull(catalogName, "catalogName is null");
        FederationConfig settings = FederationConfig.parse(config);
        FederationFunction function = settings.endpoint() instanceof FederationEndpoint.InProcessHandler handler
                ? inProcess.computeIfAbsent(handler, h -> new ConcurrentHashMap<>())
                        .computeIfAbsent(settings.handlerConfig(), handlerConfig -> handler.open(handlerConfig))
                : settings.endpoint().open(settings.handlerConfig());
        FederationClient client = new FederationClient(function);
        FederationSource source = new FederationSource(client, settings.sourceCatalog().orElse(catalogName), settings.readSizes(), settings.aws(),
                listener);
        return new FederationConnector(source, context.getTypeManager(), settings.pushdown());
    }
}
