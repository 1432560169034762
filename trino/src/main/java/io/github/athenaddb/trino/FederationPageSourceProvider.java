package io.github.athenaddb.trino;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableCredentials;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.EmptyPageSource;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

public final class FederationPageSourceProvider
        implements ConnectorPageSourceProvider
{
    private final FederationSource source;

    public FederationPageSourceProvider(FederationSource source)
    {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public ConnectorPageSource createPageSource(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorSplit split,
            ConnectorTableHandle table, Optional<ConnectorTableCredentials> tableCredentials, List<ColumnHandle> columns, DynamicFilter dynamicFilter)
    {
        if (FederationSessionProperties.splitsOnly(session)) {
            return new EmptyPageSource();
        }
        List<FederationColumnHandle> read = columns.stream().map(FederationColumnHandle.class::cast).toList();
        return new FederationPageSource(source, session.getQueryId(), (FederationTableHandle) table, read, (FederationSplit) split);
    }
}
