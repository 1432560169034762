package io.github.athenaddb.trino;

import io.trino.spi.Plugin;
import io.trino.spi.connector.ConnectorFactory;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The Trino plugin: one connector, {@code athena_federation}, that reaches Athena federation sources over their wire. */
public final class FederationPlugin
        implements Plugin
{
    private final FederationListener listener;

    public FederationPlugin()
    {
        this(FederationListener.NONE);
    }

    /** For an engine that embeds the plugin and reports what each statement asked of its sources. */
    public FederationPlugin(FederationListener listener)
    {
        this.listener = requireNonNull(listener, "listener is null");
    }

    @Override
    public Iterable<ConnectorFactory> getConnectorFactories()
    {
        return List.of(new FederationConnectorFactory(listener));
    }
}
