package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import io.github.athenaddb.devkit.AthenaSequence;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code TABLE(system.query(query => '...'))}, Athena's query-passthrough call: the statement
 * goes to the connector as the SDK's passthrough arguments (GetTable for the columns, then
 * splits and ReadRecords), exactly as Athena sends it. Calcite builds table functions from a
 * static method, so the statement's connector is handed over per thread by {@link LocalEngine}.
 */
public final class PassthroughFunction
{
    static final ThreadLocal<Statement> CURRENT = new ThreadLocal<>();
    static final String SCHEMA = "system";

    private PassthroughFunction() {}

    /**
     * The running statement's connector, and its passthrough tables: Calcite calls the function
     * more than once while planning, and Athena asks for the schema once.
     */
    record Statement(SourceCatalog catalog, Map<String, ScannableTable> tables) {}

    static void begin(SourceCatalog catalog)
    {
        CURRENT.set(new Statement(catalog, new HashMap<>()));
    }

    static void end()
    {
        CURRENT.remove();
    }

    public static ScannableTable query(@Parameter(name = "query") String query)
    {
        Statement statement = CURRENT.get();
        if (statement == null) {
            throw new IllegalStateException("system.query is only available while a statement runs");
        }
        return statement.tables().computeIfAbsent(query, q ->
                new PassthroughTable(statement.catalog(), Map.of("schemaFunctionName", "SYSTEM.QUERY", "QUERY", q)));
    }

    /** The result of one passthrough statement. */
    private static final class PassthroughTable
            extends AbstractTable
            implements ScannableTable
    {
        private final SourceCatalog catalog;
        private final Map<String, String> arguments;
        private Schema schema;

        PassthroughTable(SourceCatalog catalog, Map<String, String> arguments)
        {
            this.catalog = catalog;
            this.arguments = arguments;
        }

        private synchronized Schema schema()
        {
            if (schema == null) {
                schema = AthenaSequence.lowerCased(catalog.sequence().getPassthroughTable(arguments).getSchema());
            }
            return schema;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory)
        {
            return ArrowSqlTypes.rowType(typeFactory, schema());
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root)
        {
            Constraints constraints = new Constraints(Map.of(), List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, arguments, null);
            SourceScan scan = catalog.stats().startScan(catalog.name(), SCHEMA, "query", Map.of(), ScanLimit.NONE);
            List<Object[]> rows = new ArrayList<>();
            int splits = catalog.sequence().read(SCHEMA, "query", schema(), constraints, catalog.parallelism(), block -> {
                ArrowSqlTypes.appendRows(block, schema().getFields().size(), rows);
                scan.addRows(block.getRowCount());
            });
            scan.addSplits(splits);
            return Linq4j.asEnumerable(rows);
        }
    }
}
