package io.github.athenaddb.trino;

import io.trino.spi.Plugin;
import io.trino.spi.connector.ConnectorFactory;

import java.util.List;

/** The Trino plugin: one connector, {@code athena_federation}, that reaches Athena federation sources over their wire. */
public final class FederationPlugin
        implements Plugin
{
    @Override
    public Iterable<ConnectorFactory> getConnectorFactories()
    {
        return List.of(new FederationConnectorFactory());
    }
}
