package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.FixedSplitSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** GetTableLayout and GetSplits (every continuation) for a table scan; each SDK split becomes one Trino split. */
public final class FederationSplitManager
        implements ConnectorSplitManager
{
    private final FederationSource source;

    public FederationSplitManager(FederationSource source)
    {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public ConnectorSplitSource getSplits(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorTableHandle table,
            Set<ColumnHandle> dynamicFilterColumns, Constraint constraint)
    {
        FederationTableHandle handle = (FederationTableHandle) table;
        if (handle.constraint().isNone()) {
            return FixedSplitSource.emptySplitSource();
        }
        List<Split> splits;
        try (Constraints constraints = FederationConstraints.of(source.client().allocator(), handle)) {
            splits = source.splits(session.getQueryId(), handle.federationName(), handle.requestSchema(handle.readColumns()),
                    new HashSet<>(handle.partitionColumns()), constraints);
        }
        List<ConnectorSplit> trinoSplits = splits.stream()
                .map(split -> (ConnectorSplit) new FederationSplit(source.client().encodeSplit(source.catalog(), split)))
                .toList();
        return new FixedSplitSource(trinoSplits);
    }
}
