package io.github.athenaddb.jdbc;

import com.amazonaws.athena.connector.lambda.QueryStatusChecker;
import com.amazonaws.athena.connector.lambda.data.BlockSpiller;
import com.amazonaws.athena.connector.lambda.domain.predicate.ConstraintEvaluator;
import com.amazonaws.athena.connector.lambda.domain.predicate.ConstraintProjector;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import com.amazonaws.athena.connector.lambda.handlers.RecordHandler;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import io.github.athenaddb.ddb.types.ArrowValueWriter;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Reads a table's split with one SELECT: the requested columns, the constraints and LIMIT that
 * {@link JdbcPushdown} allows, every value bound as a parameter. Each row is checked against all
 * the query's constraints before it is written, so the SQL decides the cost, never the rows.
 */
public class JdbcRecordHandler
        extends RecordHandler
{
    private static final Logger log = LoggerFactory.getLogger(JdbcRecordHandler.class);
    static final int FETCH_SIZE = 1000;

    private final JdbcConnections connections;
    private final boolean statusCheck;

    /** @param statusCheck ask Athena whether the query still runs (off in local runs, where there is no Athena) */
    public JdbcRecordHandler(JdbcConnections connections, boolean statusCheck, Map<String, String> configOptions)
    {
        super("jdbc", configOptions);
        this.connections = requireNonNull(connections, "connections is null");
        this.statusCheck = statusCheck;
    }

    @Override
    protected void readWithConstraint(BlockSpiller spiller, ReadRecordsRequest request, QueryStatusChecker queryStatusChecker)
    {
        JdbcTableMetadata table = JdbcTableMetadata.from(request.getSchema().getCustomMetadata(), request.getTableName().getTableName());
        SqlDialect dialect = connections.source().dialect();
        List<Field> fields = request.getSchema().getFields().stream().map(table::withColumnMetadata).toList();
        Constraints constraints = request.getConstraints();
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
        fields.forEach(f -> checks.add(summary.isEmpty() ? null : evaluator.makeConstraintProjector(f.getName()).orElse(null)));
        long rows = 0;
        try (Connection c = connections.open()) {
            // PostgreSQL streams a result only inside a transaction with a fetch size; otherwise it loads every row first.
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement statement = c.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < query.parameters().size(); i++) {
                    statement.setObject(i + 1, query.parameters().get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    Object[] values = new Object[fields.size()];
                    while ((plan.rowLimit() < 0 || rows < plan.rowLimit()) && rs.next()) {
                        if (!readRow(rs, fields, checks, values)) {
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

    /** @return false when the row fails a constraint */
    private static boolean readRow(ResultSet rs, List<Field> fields, List<ConstraintProjector> checks, Object[] values)
            throws SQLException
    {
        for (int i = 0; i < fields.size(); i++) {
            values[i] = JdbcTypes.read(rs, i + 1, fields.get(i));
            ConstraintProjector check = checks.get(i);
            if (check != null && !check.apply(values[i])) {
                return false;
            }
        }
        return true;
    }
}
