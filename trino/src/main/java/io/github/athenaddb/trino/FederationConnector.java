package io.github.athenaddb.trino;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.transaction.IsolationLevel;
import io.trino.spi.type.TypeManager;

import static java.util.Objects.requireNonNull;

/** One catalog over one federation source. Read-only; the metadata is stateless, so one instance serves every transaction. */
public final class FederationConnector
        implements Connector
{
    private final FederationSource source;
    private final FederationMetadata metadata;
    private final FederationSplitManager splitManager;
    private final FederationPageSourceProvider pageSourceProvider;

    public FederationConnector(FederationSource source, TypeManager typeManager, boolean pushdown)
    {
        this.source = requireNonNull(source, "source is null");
        this.metadata = new FederationMetadata(source, new ArrowTypeMapping(typeManager), pushdown);
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
    public void shutdown()
    {
        source.close();
    }
}
