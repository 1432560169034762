package io.github.athenaddb.trino;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.function.table.ConnectorTableFunction;
import io.trino.spi.session.PropertyMetadata;
import io.trino.spi.transaction.IsolationLevel;
import io.trino.spi.type.TypeManager;

import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** One catalog over one federation source. Read-only; the metadata is stateless, so one instance serves every transaction. */
public final class FederationConnector
        implements Connector
{
    private final FederationSource source;
    private final FederationMetadata metadata;
    private final FederationSplitManager splitManager;
    private final FederationPageSourceProvider pageSourceProvider;
    private final Set<ConnectorTableFunction> tableFunctions;

    public FederationConnector(FederationSource source, TypeManager typeManager, boolean pushdown)
    {
        this.source = requireNonNull(source, "source is null");
        ArrowTypeMapping types = new ArrowTypeMapping(typeManager);
        this.metadata = new FederationMetadata(source, types, pushdown);
        // Registered for every catalog; its analysis checks that the source declares passthrough (asking at start would invoke the source).
        this.tableFunctions = Set.of(new PassthroughQueryFunction(source, types));
        this.splitManager = new FederationSplitManager(source);
        this.pageSourceProvider = new FederationPageSourceProvider(source);
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        return FederationTransactionHandle.INSTANCE;
    }

    @Override
    public ConnectorMetadata getMetadata(ConnectorSession session, ConnectorTransactionHandle transaction)
    {
        return metadata;
    }

    @Override
    public ConnectorSplitManager getSplitManager()
    {
        return splitManager;
    }

    @Override
    public ConnectorPageSourceProvider getPageSourceProvider()
    {
        return pageSourceProvider;
    }

    @Override
    public List<PropertyMetadata<?>> getSessionProperties()
    {
        return FederationSessionProperties.PROPERTIES;
    }

    @Override
    public Set<ConnectorTableFunction> getTableFunctions()
    {
        return tableFunctions;
    }

    @Override
    public void shutdown()
    {
        source.close();
    }
}
