package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.Assignment;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.ConstraintApplicationResult;
import io.trino.spi.connector.LimitApplicationResult;
import io.trino.spi.connector.ProjectionApplicationResult;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SortItem;
import io.trino.spi.connector.TableFunctionApplicationResult;
import io.trino.spi.connector.TopNApplicationResult;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.function.table.ConnectorTableFunctionHandle;
import io.trino.spi.predicate.TupleDomain;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static io.github.athenaddb.trino.FederationErrorCode.FEDERATION_NOT_FOUND;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * Schemas, tables and columns from the source's ListSchemas, ListTables and GetTable; and what a
 * query hands to the source, as Athena hands it: the columns read, the predicate as the
 * Constraints summary (Trino still evaluates every predicate, since the source declares no filter
 * pushdown), a LIMIT only when the source declares {@code supports_limit_pushdown}, an ORDER BY
 * with it only when it declares {@code supports_top_n_pushdown}; and the table of a
 * {@code system.query} call ({@link PassthroughQueryFunction}).
 */
public final class FederationMetadata
        implements ConnectorMetadata
{
    private final FederationSource source;
    private final ArrowTypeMapping types;
    private final boolean pushdown;

    /** @param pushdown false: neither predicate nor LIMIT reaches the source ({@code federation.pushdown=false}) */
    public FederationMetadata(FederationSource source, ArrowTypeMapping types, boolean pushdown)
    {
        this.source = requireNonNull(source, "source is null");
        this.types = requireNonNull(types, "types is null");
        this.pushdown = pushdown;
    }

    @Override
    public List<String> listSchemaNames(ConnectorSession session)
    {
        return source.listSchemas(session.getQueryId());
    }

    @Override
    public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
    {
        List<String> schemas = schemaName.map(List::of).orElseGet(() -> listSchemaNames(session));
        List<SchemaTableName> tables = new ArrayList<>();
        for (String schema : schemas) {
            for (TableName table : source.listTables(session.getQueryId(), schema)) {
                tables.add(new SchemaTableName(table.getSchemaName(), table.getTableName()));
            }
        }
        return tables;
    }

    @Override
    public ConnectorTableHandle getTableHandle(ConnectorSession session, SchemaTableName tableName, Optional<ConnectorTableVersion> startVersion,
            Optional<ConnectorTableVersion> endVersion)
    {
        if (startVersion.isPresent() || endVersion.isPresent()) {
            throw new TrinoException(NOT_SUPPORTED, "Federation sources have no table versions");
        }
        GetTableResponse table;
        try {
            table = source.getTable(session.getQueryId(), new TableName(tableName.getSchemaName(), tableName.getTableName()));
        }
        catch (TrinoException e) {
            if (e.getErrorCode().equals(FEDERATION_NOT_FOUND.toErrorCode())) {
                return null;
            }
            throw e;
        }
        try {
            return tableHandle(tableName, table, types, Map.of());
        }
        finally {
            FederationClient.close(table);
        }
    }

    /**
     * A table as GetTable described it, with the passthrough arguments that produced it for
     * system.query. A column of a type Trino cannot show is left out, as it would be unreadable anyway.
     */
    static FederationTableHandle tableHandle(SchemaTableName tableName, GetTableResponse table, ArrowTypeMapping types,
            Map<String, String> passthroughArguments)
    {
        List<FederationColumnHandle> columns = new ArrayList<>();
        for (Field field : table.getSchema().getFields()) {
            Field lowerCased = FederationColumnHandle.lowerCased(field);
            types.toTrino(lowerCased).ifPresent(t -> columns.add(FederationColumnHandle.of(lowerCased, t)));
        }
        return new FederationTableHandle(tableName.getSchemaName(), tableName.getTableName(), columns, table.getSchema().getCustomMetadata(),
                List.copyOf(table.getPartitionColumns()), Optional.empty(), TupleDomain.all(), OptionalLong.empty(), List.of(),
                passthroughArguments);
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
    {
        FederationTableHandle handle = (FederationTableHandle) table;
        List<ColumnMetadata> columns = handle.columns().stream().map(FederationColumnHandle::metadata).toList();
        return new ConnectorTableMetadata(handle.schemaTableName(), columns);
    }

    @Override
    public Map<String, ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table)
    {
        Map<String, ColumnHandle> columns = new LinkedHashMap<>();
        ((FederationTableHandle) table).columns().forEach(column -> columns.put(column.name(), column));
        return columns;
    }

    @Override
    public ColumnMetadata getColumnMetadata(ConnectorSession session, ConnectorTableHandle table, ColumnHandle column)
    {
        return ((FederationColumnHandle) column).metadata();
    }

    /** Column pruning: the handle keeps the columns the plan still reads; projections stay Trino's. */
    @Override
    public Optional<ProjectionApplicationResult<ConnectorTableHandle>> applyProjection(ConnectorSession session, ConnectorTableHandle table,
            List<ConnectorExpression> projections, Map<String, ColumnHandle> assignments)
    {
        FederationTableHandle handle = (FederationTableHandle) table;
        Set<ColumnHandle> used = new HashSet<>(assignments.values());
        List<FederationColumnHandle> read = handle.columns().stream().filter(used::contains).toList();
        if (handle.projection().isPresent() && new HashSet<>(handle.projection().get()).equals(new HashSet<>(read))) {
            return Optional.empty();
        }
        List<Assignment> unchanged = new ArrayList<>();
        assignments.forEach((variable, column) -> unchanged.add(new Assignment(variable, column, ((FederationColumnHandle) column).type())));
        return Optional.of(new ProjectionApplicationResult<>(handle.withProjection(read), projections, unchanged, false));
    }

    /**
     * The predicate goes to the source as the Constraints summary; the remaining filter is the
     * whole predicate, unchanged, because the source declares no filter pushdown: like Athena,
     * Trino keeps evaluating it, and the summary only lets the source read less.
     */
    @Override
    public Optional<ConstraintApplicationResult<ConnectorTableHandle>> applyFilter(ConnectorSession session, ConnectorTableHandle table,
            Constraint constraint)
    {
        FederationTableHandle handle = (FederationTableHandle) table;
        if (!pushdown || handle.limit().isPresent()) {
            // A filter over a LIMIT the source applies would be pushed below it: not the same rows.
            return Optional.empty();
        }
        TupleDomain<FederationColumnHandle> pushed = handle.constraint()
                .intersect(constraint.getSummary().transformKeys(FederationColumnHandle.class::cast));
        if (pushed.equals(handle.constraint())) {
            return Optional.empty();
        }
        return Optional.of(new ConstraintApplicationResult<>(handle.withConstraint(pushed), constraint.getSummary(), constraint.getExpression(), false));
    }

    /**
     * A LIMIT goes to the source only when it declares LIMIT pushdown, and is then trusted as
     * Athena trusts it (guaranteed: Trino does not apply it again). Trino offers a LIMIT only
     * when no filter sits between it and the scan, and the filter always stays Trino's here.
     */
    @Override
    public Optional<LimitApplicationResult<ConnectorTableHandle>> applyLimit(ConnectorSession session, ConnectorTableHandle table, long limit)
    {
        FederationTableHandle handle = (FederationTableHandle) table;
        if (!pushdown || !declaresLimitPushdown(session) || (handle.limit().isPresent() && handle.limit().getAsLong() <= limit)) {
            return Optional.empty();
        }
        return Optional.of(new LimitApplicationResult<>(handle.withLimit(limit), true, false));
    }

    /**
     * ORDER BY ... LIMIT goes to the source only when it declares top-N pushdown, with every sort
     * key a column of the table. Not trusted as complete: each split may return its own first
     * rows, so Trino still sorts and limits what comes back (few rows).
     */
    @Override
    public Optional<TopNApplicationResult<ConnectorTableHandle>> applyTopN(ConnectorSession session, ConnectorTableHandle table, long topNCount,
            List<SortItem> sortItems, Map<String, ColumnHandle> assignments)
    {
        FederationTableHandle handle = (FederationTableHandle) table;
        if (!pushdown || !capabilities(session).topNPushdown() || handle.limit().isPresent()) {
            return Optional.empty();
        }
        List<FederationSortItem> orderBy = new ArrayList<>();
        for (SortItem item : sortItems) {
            ColumnHandle column = assignments.get(item.getName());
            if (!(column instanceof FederationColumnHandle federationColumn)) {
                return Optional.empty();
            }
            orderBy.add(FederationSortItem.of(federationColumn.name(), item.getSortOrder()));
        }
        return Optional.of(new TopNApplicationResult<>(handle.withTopN(topNCount, orderBy), false, false));
    }

    /** system.query: the table its analysis described (GetTable with the passthrough arguments). */
    @Override
    public Optional<TableFunctionApplicationResult<ConnectorTableHandle>> applyTableFunction(ConnectorSession session,
            ConnectorTableFunctionHandle handle)
    {
        if (!(handle instanceof PassthroughQueryFunction.Handle query)) {
            return Optional.empty();
        }
        FederationTableHandle table = query.table();
        return Optional.of(new TableFunctionApplicationResult<>(table, List.copyOf(table.columns())));
    }

    private boolean declaresLimitPushdown(ConnectorSession session)
    {
        return capabilities(session).limitPushdown();
    }

    private SourceCapabilities capabilities(ConnectorSession session)
    {
        return new SourceCapabilities(source.capabilities(session.getQueryId()));
    }
}
