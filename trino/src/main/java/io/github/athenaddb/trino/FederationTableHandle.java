package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.domain.TableName;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.predicate.TupleDomain;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A table as GetTable described it (columns, the schema's own metadata, partition columns) with
 * what the query asks of it: the columns read (after pruning), the predicate sent as the
 * Constraints summary, a LIMIT, set only when the source declared LIMIT pushdown, an ORDER BY sent
 * with it only when the source declared top-N pushdown, and for {@code system.query} the query
 * passthrough arguments (empty for a table).
 */
public record FederationTableHandle(
        String schemaName,
        String tableName,
        List<FederationColumnHandle> columns,
        Map<String, String> schemaMetadata,
        List<String> partitionColumns,
        Optional<List<FederationColumnHandle>> projection,
        TupleDomain<FederationColumnHandle> constraint,
        OptionalLong limit,
        List<FederationSortItem> orderBy,
        Map<String, String> passthroughArguments)
        implements ConnectorTableHandle
{
    public FederationTableHandle
    {
        requireNonNull(schemaName, "schemaName is null");
        requireNonNull(tableName, "tableName is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        schemaMetadata = Map.copyOf(requireNonNull(schemaMetadata, "schemaMetadata is null"));
        partitionColumns = List.copyOf(requireNonNull(partitionColumns, "partitionColumns is null"));
        projection = requireNonNull(projection, "projection is null").map(List::copyOf);
        requireNonNull(constraint, "constraint is null");
        requireNonNull(limit, "limit is null");
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        passthroughArguments = Map.copyOf(requireNonNull(passthroughArguments, "passthroughArguments is null"));
    }

    public SchemaTableName schemaTableName()
    {
        return new SchemaTableName(schemaName, tableName);
    }

    public TableName federationName()
    {
        return new TableName(schemaName, tableName);
    }

    public FederationTableHandle withProjection(List<FederationColumnHandle> read)
    {
        return new FederationTableHandle(schemaName, tableName, columns, schemaMetadata, partitionColumns, Optional.of(read), constraint, limit, orderBy,
                passthroughArguments);
    }

    public FederationTableHandle withConstraint(TupleDomain<FederationColumnHandle> newConstraint)
    {
        return new FederationTableHandle(schemaName, tableName, columns, schemaMetadata, partitionColumns, projection, newConstraint, limit, orderBy,
                passthroughArguments);
    }

    public FederationTableHandle withLimit(long newLimit)
    {
        return new FederationTableHandle(schemaName, tableName, columns, schemaMetadata, partitionColumns, projection, constraint,
                OptionalLong.of(newLimit), orderBy, passthroughArguments);
    }

    /** A top-N: the LIMIT with the ORDER BY the source applies before it. */
    public FederationTableHandle withTopN(long newLimit, List<FederationSortItem> newOrderBy)
    {
        return new FederationTableHandle(schemaName, tableName, columns, schemaMetadata, partitionColumns, projection, constraint,
                OptionalLong.of(newLimit), newOrderBy, passthroughArguments);
    }

    /**
     * The schema sent with GetTableLayout, GetSplits and ReadRecords: the columns read, with the
     * table schema's metadata as GetTable gave it. A query that reads no column (count(*)) still
     * sends one, the table's first, so that the source has rows to count.
     */
    public Schema requestSchema(List<FederationColumnHandle> read)
    {
        List<FederationColumnHandle> sent = read.isEmpty() ? columns.subList(0, Math.min(1, columns.size())) : read;
        List<Field> fields = sent.stream().map(FederationColumnHandle::arrowField).toList();
        return new Schema(fields, schemaMetadata);
    }

    /** The columns the plan reads: the projection once Trino pruned them, all columns before. */
    public List<FederationColumnHandle> readColumns()
    {
        return projection.orElse(columns);
    }

    /**
     * What EXPLAIN shows for the read: the table, the columns read and what goes to the source with
     * them ({@code orders columns=[pk, total] constraint=[pk = 'A'] limit=10 orderBy=[sk DESC]}).
     */
    @Override
    public String toString()
    {
        StringBuilder out = new StringBuilder(schemaName).append('.').append(tableName);
        if (!passthroughArguments.isEmpty()) {
            out.append(" query=").append(passthroughArguments);
        }
        out.append(" columns=").append(readColumns().stream().map(FederationColumnHandle::name).toList());
        if (!constraint.isAll()) {
            out.append(" constraint=").append(constraint.getDomains().map(domains -> domains.entrySet().stream()
                    .map(entry -> entry.getKey().name() + " " + entry.getValue().toString(10))
                    .toList().toString()).orElse("[none]"));
        }
        limit.ifPresent(n -> out.append(" limit=").append(n));
        if (!orderBy.isEmpty()) {
            out.append(" orderBy=").append(orderBy);
        }
        return out.toString();
    }
}
