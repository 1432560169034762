package io.github.athenaddb.jdbc;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.metadata.GetDataSourceCapabilitiesRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetDataSourceCapabilitiesResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetTableRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesResponse;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.DataSourceOptimizations;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.OptimizationSubType;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.pushdown.LimitPushdownSubType;
import com.google.common.collect.ImmutableMap;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.handler.SourceMetadataHandler;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Athena's metadata calls for a PostgreSQL or MySQL catalog, from the database's own catalog:
 * schemas (MySQL: databases), tables and views, and columns with their types. Athena lower-cases
 * names; the exact ones are found ignoring case and travel in the schema metadata. A table is
 * read in one split, or by partition or key range when it is large (see {@link SplitPlanner}).
 */
public class JdbcMetadataHandler
        extends SourceMetadataHandler
{
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast", "mysql",
            "performance_schema", "sys");

    private static final Logger log = LoggerFactory.getLogger(JdbcMetadataHandler.class);

    private final JdbcConnections connections;
    private final JdbcOptions options;
    private final JdbcPassthrough passthrough;

    public JdbcMetadataHandler(JdbcConnections connections, JdbcOptions options, Map<String, String> configOptions)
    {
        super(configOptions);
        this.connections = requireNonNull(connections, "connections is null");
        this.options = requireNonNull(options, "options is null");
        this.passthrough = new JdbcPassthrough(options.queryPassthrough());
    }

    /**
     * LIMIT (a query with a LIMIT is read in one split, and a limit the split cannot apply exactly
     * is not sent to the database), and system.query when {@code jdbc_query_passthrough=true}.
     */
    @Override
    public GetDataSourceCapabilitiesResponse doGetDataSourceCapabilities(BlockAllocator allocator, GetDataSourceCapabilitiesRequest request)
    {
        ImmutableMap.Builder<String, List<OptimizationSubType>> capabilities = ImmutableMap.builder();
        capabilities.put(DataSourceOptimizations.SUPPORTS_LIMIT_PUSHDOWN.withSupportedSubTypes(LimitPushdownSubType.INTEGER_CONSTANT));
        passthrough.addQueryPassthroughCapabilityIfEnabled(capabilities, configOptions);
        return new GetDataSourceCapabilitiesResponse(request.getCatalogName(), capabilities.build());
    }

    /** The columns of a system.query result, from the database's description of the statement run with LIMIT 0. */
    @Override
    public GetTableResponse doGetQueryPassthroughSchema(BlockAllocator allocator, GetTableRequest request)
    {
        String statement = passthrough.statement(request.getQueryPassthroughArguments(), request.getCatalogName());
        SqlDialect dialect = connections.source().dialect();
        try (Connection c = connections.open()) {
            JdbcPassthrough.readOnly(c, dialect);
            try (PreparedStatement s = c.prepareStatement(JdbcPassthrough.wrapped(statement) + " LIMIT 0"); ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Field> fields = new ArrayList<>();
                Map<String, String> columns = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String label = meta.getColumnLabel(i);
                    String lower = label.toLowerCase(Locale.ROOT);
                    if (columns.putIfAbsent(lower, label) != null) {
                        throw ConnectorException.invalidInput("system.query: the statement returns two columns named '" + lower
                                + "' (names are compared ignoring case); give them distinct aliases");
                    }
                    fields.add(JdbcTypes.toField(dialect == SqlDialect.MYSQL ? JdbcTypes.MYSQL : JdbcTypes.POSTGRESQL, lower,
                            meta.getColumnType(i), meta.getColumnTypeName(i), meta.getPrecision(i), meta.getScale(i), true));
                }
                c.rollback();
                JdbcTableMetadata metadata = new JdbcTableMetadata("", "", columns, columnMetadata(fields));
                return new GetTableResponse(request.getCatalogName(), request.getTableName(), new Schema(fields, metadata.toSchemaMetadata()), Set.of());
            }
        }
        catch (SQLException e) {
            throw JdbcConnections.failed(e, "run system.query on catalog '" + request.getCatalogName() + "'");
        }
    }

    @Override
    public ListSchemasResponse doListSchemaNames(BlockAllocator allocator, ListSchemasRequest request)
    {
        try (Connection c = connections.open()) {
            return new ListSchemasResponse(request.getCatalogName(), schemas(c).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        }
        catch (SQLException e) {
            throw JdbcConnections.failed(e, "list schemas of catalog '" + request.getCatalogName() + "'");
        }
    }

    @Override
    public ListTablesResponse doListTables(BlockAllocator allocator, ListTablesRequest request)
    {
        try (Connection c = connections.open()) {
            String schema = exactSchema(c, request.getSchemaName());
            List<String> names = tables(c, schema).stream().map(t -> t.toLowerCase(Locale.ROOT)).sorted().toList();
            TablePage page = TablePage.of(names, request.getNextToken(), request.getPageSize());
            List<TableName> tables = page.names().stream().map(t -> new TableName(request.getSchemaName(), t)).toList();
            return new ListTablesResponse(request.getCatalogName(), tables, page.nextToken());
        }
        catch (SQLException e) {
            throw JdbcConnections.failed(e, "list tables of schema '" + request.getSchemaName() + "'");
        }
    }

    @Override
    public GetTableResponse doGetTable(BlockAllocator allocator, GetTableRequest request)
    {
        TableName name = request.getTableName();
        try (Connection c = connections.open()) {
            String schema = exactSchema(c, name.getSchemaName());
            String table = exact(tables(c, schema), name.getTableName(), "Table '" + name.getTableName() + "' not found in schema '"
                    + name.getSchemaName() + "'");
            List<Field> fields = new ArrayList<>();
            Map<String, String> columns = new LinkedHashMap<>();
            DatabaseMetaData meta = c.getMetaData();
            boolean mysql = mysql();
            try (ResultSet rs = mysql ? meta.getColumns(schema, null, table, "%") : meta.getColumns(null, schema, table, "%")) {
                while (rs.next()) {
                    String column = rs.getString("COLUMN_NAME");
                    String lower = column.toLowerCase(Locale.ROOT);
                    if (columns.containsKey(lower)) {
                        throw ConnectorException.invalidInput("Table " + schema + "." + table + " has columns '" + columns.get(lower)
                                + "' and '" + column + "', which differ only by case; Athena cannot tell them apart");
                    }
                    columns.put(lower, column);
                    fields.add(JdbcTypes.toField(mysql ? "mysql" : "postgresql", lower, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                            rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"), true));
                }
            }
            JdbcTableMetadata metadata = new JdbcTableMetadata(schema, table, columns, columnMetadata(fields));
            return new GetTableResponse(request.getCatalogName(), name, new Schema(fields, metadata.toSchemaMetadata()), Set.of());
        }
        catch (SQLException e) {
            throw JdbcConnections.failed(e, "describe table " + name);
        }
    }

    /** The table whole, by partition or by key range, as {@link SplitPlanner} decides from the table's statistics. */
    @Override
    public GetSplitsResponse doGetSplits(BlockAllocator allocator, GetSplitsRequest request)
    {
        if (request.getConstraints() != null && request.getConstraints().isQueryPassThrough()) {
            passthrough.statement(request.getConstraints().getQueryPassthroughArguments(), request.getCatalogName());
            Split split = Split.newBuilder(makeSpillLocation(request), makeEncryptionKey()).build();
            return new GetSplitsResponse(request.getCatalogName(), Set.of(split));
        }
        JdbcTableMetadata table = JdbcTableMetadata.from(request.getSchema().getCustomMetadata(), request.getTableName().getTableName());
        TableStats.TableRef ref = new TableStats.TableRef(table.schema(), table.table());
        boolean hasLimit = request.getConstraints() != null && request.getConstraints().hasLimit();
        TableStats stats = TableStats.unknown();
        if (!hasLimit) {
            try (Connection c = connections.open()) {
                stats = new TableStatsReader(connections.source().dialect()).read(c, ref);
            }
            catch (SQLException e) {
                throw JdbcConnections.failed(e, "read the statistics of " + table.schema() + "." + table.table());
            }
        }
        List<JdbcSplit> planned = SplitPlanner.plan(ref, stats, options, hasLimit);
        Set<Split> splits = new LinkedHashSet<>();
        for (JdbcSplit split : planned) {
            splits.add(split.addTo(Split.newBuilder(makeSpillLocation(request), makeEncryptionKey())).build());
        }
        log.info("Query {}: {}.{} in catalog {}: {} split(s) ({} estimated rows, {} partitions, key {})", request.getQueryId(),
                table.schema(), table.table(), request.getCatalogName(), splits.size(), stats.estimatedRows(), stats.partitions().size(),
                stats.key().map(k -> k.column() + " " + k.min() + ".." + k.max()).orElse("none"));
        return new GetSplitsResponse(request.getCatalogName(), splits);
    }

    /** How to read each column, kept in the table's metadata: Athena may not send a field's metadata back. */
    private static Map<String, Map<String, String>> columnMetadata(List<Field> fields)
    {
        Map<String, Map<String, String>> columnMetadata = new LinkedHashMap<>();
        fields.forEach(f -> {
            if (f.getMetadata() != null && !f.getMetadata().isEmpty()) {
                columnMetadata.put(f.getName(), f.getMetadata());
            }
        });
        return columnMetadata;
    }

    private List<String> schemas(Connection c)
            throws SQLException
    {
        List<String> schemas = new ArrayList<>();
        boolean mysql = mysql();
        try (ResultSet rs = mysql ? c.getMetaData().getCatalogs() : c.getMetaData().getSchemas()) {
            while (rs.next()) {
                String s = rs.getString(mysql ? "TABLE_CAT" : "TABLE_SCHEM");
                if (!SYSTEM_SCHEMAS.contains(s.toLowerCase(Locale.ROOT))) {
                    schemas.add(s);
                }
            }
        }
        return schemas;
    }

    private List<String> tables(Connection c, String schema)
            throws SQLException
    {
        List<String> tables = new ArrayList<>();
        boolean mysql = mysql();
        String[] types = {"TABLE", "VIEW", "PARTITIONED TABLE", "MATERIALIZED VIEW"};
        try (ResultSet rs = mysql ? c.getMetaData().getTables(schema, null, "%", types) : c.getMetaData().getTables(null, schema, "%", types)) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    /** MySQL calls its databases catalogs where PostgreSQL has schemas: the metadata calls differ. */
    private boolean mysql()
    {
        return connections.source().dialect() == SqlDialect.MYSQL;
    }

    private String exactSchema(Connection c, String requested)
            throws SQLException
    {
        return exact(schemas(c), requested, "Schema '" + requested + "' not found in catalog '" + connections.source().catalog() + "'");
    }

    /** The one name equal to {@code requested} ignoring case: exact match first, then a unique case-insensitive one. */
    static String exact(List<String> names, String requested, String notFound)
    {
        if (names.contains(requested)) {
            return requested;
        }
        List<String> matches = names.stream().filter(n -> n.equalsIgnoreCase(requested)).toList();
        if (matches.isEmpty()) {
            throw ConnectorException.notFound(notFound);
        }
        if (matches.size() > 1) {
            throw ConnectorException.invalidInput("'" + requested + "' matches " + matches + ", which differ only by case; Athena cannot tell them apart");
        }
        return matches.get(0);
    }

}
