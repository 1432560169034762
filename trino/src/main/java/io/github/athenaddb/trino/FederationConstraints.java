package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;

import java.util.List;

/** The Constraints a table handle sends with GetTableLayout, GetSplits and ReadRecords alike, as Athena sends the same in all three. */
final class FederationConstraints
{
    private FederationConstraints() {}

    /** Close the result after the call: its ValueSets hold Arrow buffers. */
    static Constraints of(BlockAllocator allocator, FederationTableHandle table)
    {
        List<OrderByField> orderBy = table.orderBy().stream().map(FederationSortItem::toOrderByField).toList();
        return new Constraints(TupleDomainTranslator.summary(allocator, table.constraint()), List.of(), orderBy,
                table.limit().orElse(Constraints.DEFAULT_NO_LIMIT), table.passthroughArguments(), null);
    }
}
