package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.Split;
import io.github.athenaddb.ddb.schema.ArrowFieldMapper;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.Hook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Explains a statement: per table read, the columns, constraints, limit and order sent to the
 * connector, then Calcite's plan for the rest (filters, joins, aggregation, sort, limit), without
 * reading any rows.
 */
final class PlanExplainer
{
    private static final int MAX_SPLITS_SHOWN = 5;

    private final Connection connection;

    PlanExplainer(Connection connection)
    {
        this.connection = connection;
    }

    String explain(String sql)
            throws SQLException
    {
        // Preparing plans and compiles the statement without reading a row; the hook hands over the optimized plan.
        List<RelRoot> plans = new ArrayList<>();
        try (Hook.Closeable hook = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread((Consumer<RelRoot>) plans::add);
                PreparedStatement ignored = connection.prepareStatement(sql)) {
            if (plans.isEmpty()) {
                throw new SQLException("The engine produced no plan for: " + sql);
            }
        }
        RelNode plan = plans.get(plans.size() - 1).rel;
        StringBuilder out = new StringBuilder();
        for (TableScan scan : scans(plan)) {
            out.append(describe(scan)).append('\n');
        }
        out.append("Evaluated by the engine:\n");
        RelOptUtil.toString(plan).lines().forEach(l -> out.append("  ").append(l).append('\n'));
        return out.toString();
    }

    private static String describe(TableScan scan)
    {
        // An EnumerableTableScan is a read of every column without a WHERE.
        List<Integer> projects = scan instanceof Bindables.BindableTableScan b ? b.projects : scan.identity();
        List<RexNode> filters = scan instanceof Bindables.BindableTableScan b ? b.filters : List.of();
        SourceTable table = scan.getTable().unwrap(SourceTable.class);
        List<String> qualified = scan.getTable().getQualifiedName();
        StringBuilder out = new StringBuilder("Read ").append(String.join(".", qualified)).append(" through the connector\n");
        if (table == null) {
            return out.toString();
        }
        List<Field> fields = table.schema().getFields();
        String columns = projects.isEmpty() ? "(none: row count only)"
                : projects.stream().map(i -> fields.get(i).getName()).collect(Collectors.joining(", "));
        out.append("  columns:     ").append(columns).append('\n');
        // Columns read with less precision than stored (GetTable's field metadata "ddb.lossy").
        fields.stream().filter(f -> f.getMetadata() != null && f.getMetadata().containsKey(ArrowFieldMapper.LOSSY_METADATA))
                .forEach(f -> out.append("  lossy:       ").append(f.getName()).append(": ").append(f.getMetadata().get(ArrowFieldMapper.LOSSY_METADATA)).append('\n'));
        try (BlockAllocator allocator = new BlockAllocatorImpl()) {
            ConstraintTranslator.Translation t = ConstraintTranslator.translate(allocator, fields, filters);
            String pushed = ConstraintText.describe(t.pushed()).values().stream().collect(Collectors.joining(" AND "));
            out.append("  constraints: ").append(pushed.isEmpty() ? "(none)" : pushed).append('\n');
            if (!t.residual().isEmpty()) {
                out.append("  not pushed:  ").append(t.residual().stream().map(RexNode::toString).collect(Collectors.joining(" AND ")))
                        .append('\n');
            }
            List<Split> splits = table.splits(t.pushed());
            out.append("  splits:      ").append(splits.size()).append(" (what the connector's GetSplits returned)\n");
            splits.stream().limit(MAX_SPLITS_SHOWN).forEach(split -> out.append("    ").append(describe(split)).append('\n'));
            if (splits.size() > MAX_SPLITS_SHOWN) {
                out.append("    ... ").append(splits.size() - MAX_SPLITS_SHOWN).append(" more\n");
            }
            ConstraintTranslator.release(t.pushed());
        }
        ScanLimit limit = table.limit();
        out.append("  limit:       ").append(limit.isNone() ? "(none)" : Long.toString(limit.limit()));
        if (!limit.orderBy().isEmpty()) {
            out.append("\n  order by:    ").append(String.join(", ", limit.orderByText()));
        }
        return out.toString();
    }

    /** A split's properties without the spill location and encryption key: the connector's own plan. */
    private static String describe(Split split)
    {
        return new TreeMap<>(split.getProperties()).toString();
    }

    /** The connector reads: interpreted scans (with projection and filters) and compiled whole-table scans. */
    private static List<TableScan> scans(RelNode root)
    {
        List<TableScan> scans = new ArrayList<>();
        new RelVisitor()
        {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent)
            {
                if (node instanceof Bindables.BindableTableScan
                        || node instanceof EnumerableTableScan && node.getTable().unwrap(SourceTable.class) != null) {
                    scans.add((TableScan) node);
                }
                super.visit(node, ordinal, parent);
            }
        }.go(root);
        return scans;
    }
}
