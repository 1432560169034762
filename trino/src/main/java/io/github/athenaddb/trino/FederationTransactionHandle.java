package io.github.athenaddb.trino;

import io.trino.spi.connector.ConnectorTransactionHandle;

/** Federation sources are read-only and have no transactions. */
public enum FederationTransactionHandle
        implements ConnectorTransactionHandle
{
    INSTANCE
}
