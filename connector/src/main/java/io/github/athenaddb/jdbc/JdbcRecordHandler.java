package io.github.athenaddb.jdbc;

import io.github.athenaddb.handler.SourceRecordHandler;
import com.amazonaws.athena.connector.lambda.QueryStatusChecker;
import com.amazonaws.athena.connector.lambda.data.BlockSpiller;
import com.amazonaws.athena.connector.lambda.domain.predicate.ConstraintEvaluator;
import io.github.athenaddb.predicate.RowChecks;
import com.amazonaws.athena.connector.lambda.domain.predicate.ConstraintProjector;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import io.github.athenaddb.arrow.ArrowValueWriter;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * Reads a table's split with one SELECT: the requested columns, the constraints and LIMIT that
 * {@link JdbcPushdown} allows, every value bound as a parameter. Each row is checked against all
 * the query's constraints before it is written, so the SQL decides the cost, never the rows.
 */
public class JdbcRecordHandler
        extends SourceRecordHandler
{
    private static final Logger log = LoggerFactory.getLogger(JdbcRecordHandler.class);
    static final int FETCH_SIZE = 1000;

    private final JdbcConnections connections;
    private final boolean statusCheck;
    private final JdbcPassthrough passthrough;

    /** @param statusCheck ask Athena whether the query still runs (off in local runs, where there is no Athena) */
    public JdbcRecordHandler(JdbcConnections connections, JdbcOptions options, boolean statusCheck, Map<String, String> configOptions,
                             Supplier<S3Client> spillS3)
    {
        super(configOptions, spillS3);
        this.connections = requireNonNull(connections, "connections is null");
        this.statusCheck = statusCheck;
        this.passthrough = new JdbcPassthrough(options.queryPassthrough());
    }

    @Override
    protected void readWithConstraint(BlockSpiller spiller, ReadRecordsRequest request, QueryStatusChecker queryStatusChecker)
    {
        JdbcTableMetadata table = JdbcTableMetadata.from(request.getSchema().getCustomMetadata(), request.getTableName().getTableName());
        SqlDialect dialect = connections.source().dialect();
        List<Field> fields = request.getSchema().getFields().stream().map(table::withColumnMetadata).toList();
        Constraints constraints = request.getConstraints();
        if (constraints != null && constraints.isQueryPassThrough()) {
            String statement = passthrough.statement(constraints.getQueryPassthroughArguments(), request.getCatalogName());
            readPassthrough(spiller, request, fields, statement, queryStatusChecker);
            return;
        }
        Map<String, ValueSet> summary = constraints == null || constraints.getSummary() == null ? Map.of() : constraints.getSummary();
        List<OrderByField> orderBy = constraints == null || constraints.getOrderByClause() == null ? List.of() : constraints.getOrderByClause();
        long limit = constraints != null && constraints.hasLimit() ? constraints.getLimit() : -1;
        JdbcPushdown.Plan plan = JdbcPushdown.plan(dialect, fields, summary, orderBy, limit);

        Map<String, ValueSet> pushed = new LinkedHashMap<>();
        plan.pushed().forEach((column, values) -> pushed.put(table.column(column), values));
        List<OrderByField> order = plan.orderBy().stream().map(o -> new OrderByField(table.column(o.getColumnName()), o.getDirection())).toList();
        List<String> columns = fields.stream().map(f -> table.column(f.getName())).toList();
        JdbcSplit split = JdbcSplit.from(request.getSplit().getProperties(), new TableStats.TableRef(table.schema(), table.table()));
        SqlQuery query = SqlQueryBuilder.build(dialect, split.table().schema(), split.table().table(), columns, pushed, order,
                plan.sqlLimit(), split.range());

        ConstraintEvaluator evaluator = spiller.getConstraintEvaluator();
        List<ConstraintProjector> checks = new ArrayList<>();
        Function<String, ConstraintProjector> check = RowChecks.of(evaluator, summary);
        fields.forEach(f -> checks.add(summary.isEmpty() ? null : check.apply(f.getName())));
        int[] positions = IntStream.rangeClosed(1, fields.size()).toArray();
        long rows;
        try (Connection c = connections.open()) {
            // PostgreSQL streams a result only inside a transaction with a fetch size; otherwise it loads every row first.
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement statement = c.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                for (int i = 0; i < query.parameters().size(); i++) {
                    statement.setObject(i + 1, query.parameters().get(i));
                }
                rows = writeRows(spiller, statement, fields, positions, checks, plan.rowLimit(), queryStatusChecker);
            }
            c.commit();
        }
        catch (SQLException e) {
            throw JdbcConnections.failed(e, "read " + split.table().schema() + "." + split.table().table());
        }
        // The SQL holds placeholders only, never a value: it can be logged.
        log.info("Query {}: read {}.{} in catalog {}: {} rows; SQL: {}", request.getQueryId(), split.table().schema(), split.table().table(),
                connections.source().catalog(), rows, query.sql());
    }

    /**
     * A system.query statement, run as the database's own SQL in a read-only transaction; the
     * requested columns are taken from its result by name.
     */
    private void readPassthrough(BlockSpiller spiller, ReadRecordsRequest request, List<Field> fields, String statement,
            QueryStatusChecker queryStatusChecker)
    {
        JdbcTableMetadata table = JdbcTableMetadata.from(request.getSchema().getCustomMetadata(), "system.query");
        long rows;
        try (Connection c = connections.open()) {
            JdbcPassthrough.readOnly(c, connections.source().dialect());
            try (PreparedStatement s = c.prepareStatement(JdbcPassthrough.wrapped(statement), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                int[] positions = new int[fields.size()];
                ResultSetMetaData meta = s.getMetaData();
                for (int i = 0; i < fields.size(); i++) {
                    positions[i] = meta == null ? i + 1 : position(meta, table.column(fields.get(i).getName()));
                }
                List<ConstraintProjector> checks = new ArrayList<>(Collections.nCopies(fields.size(), null));
                rows = writeRows(spiller, s, fields, positions, checks, -1, queryStatusChecker);
            }
            c.rollback();
        }
        catch (SQLException e) {
            throw JdbcConnections.failed(e, "run system.query on catalog '" + request.getCatalogName() + "'");
        }
        log.info("Query {}: system.query on catalog {}: {} rows", request.getQueryId(), connections.source().catalog(), rows);
    }

    private static int position(ResultSetMetaData meta, String label)
            throws SQLException
    {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equals(label)) {
                return i;
            }
        }
        throw new SQLException("system.query: the statement no longer returns column '" + label + "'", "42703");
    }

    /** Streams the statement's rows into the spiller, those that pass every check, up to {@code limit} (-1: all). */
    private long writeRows(BlockSpiller spiller, PreparedStatement statement, List<Field> fields, int[] positions,
            List<ConstraintProjector> checks, long limit, QueryStatusChecker queryStatusChecker)
            throws SQLException
    {
        statement.setFetchSize(FETCH_SIZE);
        long rows = 0;
        try (ResultSet rs = statement.executeQuery()) {
            Object[] values = new Object[fields.size()];
            while ((limit < 0 || rows < limit) && rs.next()) {
                if (!readRow(rs, fields, positions, checks, values)) {
                    continue;
                }
                spiller.writeRows((block, row) -> {
                    List<FieldVector> vectors = block.getFieldVectors();
                    for (int i = 0; i < values.length; i++) {
                        ArrowValueWriter.write(vectors.get(i), row, values[i]);
                    }
                    return 1;
                });
                rows++;
                if (statusCheck && rows % FETCH_SIZE == 0 && !queryStatusChecker.isQueryRunning()) {
                    break;
                }
            }
        }
        return rows;
    }

    /** @return false when the row fails a constraint */
    private static boolean readRow(ResultSet rs, List<Field> fields, int[] positions, List<ConstraintProjector> checks, Object[] values)
            throws SQLException
    {
        for (int i = 0; i < fields.size(); i++) {
            values[i] = JdbcValueReader.read(rs, positions[i], fields.get(i));
            ConstraintProjector check = checks.get(i);
            if (check != null && !check.apply(values[i])) {
                return false;
            }
        }
        return true;
    }
}
