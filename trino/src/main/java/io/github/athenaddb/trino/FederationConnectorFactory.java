package io.github.athenaddb.trino;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.ConnectorFactory;

import java.util.Map;

import static java.util.Objects.requireNonNull;

public final class FederationConnectorFactory
        implements ConnectorFactory
{
    public static final String NAME = "athena_federation";

    private final FederationListener listener;

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
        FederationFunction function = settings.endpoint().open(settings.handlerConfig());
        FederationClient client = new FederationClient(function);
        FederationSource source = new FederationSource(client, settings.sourceCatalog().orElse(catalogName), settings.readSizes(), settings.aws(),
                listener);
        return new FederationConnector(source, context.getTypeManager(), settings.pushdown());
    }
}
