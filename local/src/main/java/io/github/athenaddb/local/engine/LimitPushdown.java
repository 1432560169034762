package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.util.Holder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends a LIMIT, with the ORDER BY it takes the first rows of, to the connector of the table
 * read directly under it, as Athena does. The shapes that qualify, in Calcite's final plan:
 *
 * <pre>
 * EnumerableLimit(offset, fetch)          or a Sort with a fetch
 *   [EnumerableSort(keys)]                only under an EnumerableLimit
 *     [EnumerableCalc(no condition)]*     projections; sort keys must be plain columns
 *       EnumerableInterpreter
 *         BindableTableScan(SourceTable, filters, projects)   every filter a constraint
 * </pre>
 *
 * or the same over an {@code EnumerableTableScan} (a {@code SELECT *} without WHERE). Anything
 * else between the limit and the read (a join, aggregate, DISTINCT, window, union, or a filter
 * the read did not take) means the connector cannot know which of its rows the statement
 * needs, and nothing is sent. A filter conjunct the connector cannot check (a function, an
 * expression) also stops it: the connector would count rows the engine then drops.
 *
 * <p>The read's table is replaced by a copy of it that carries the limit ({@link
 * SourceTable#withLimit}); the Sort and Limit above it stay, so the engine still orders and
 * cuts the rows itself and the result never depends on what the connector does with the limit.
 *
 * <p>This runs as one more step after Calcite's optimizer ({@link Hook#PROGRAM}), on the plan
 * it chose, rather than as a rule inside the cost-based planner: there the read with a limit
 * and the one without would be alternatives of equal cost, and either could win.
 */
final class LimitPushdown
        implements Program
{
    /** Until closed, statements planned on this thread get their limits pushed. */
    static Hook.Closeable install()
    {
        return Hook.PROGRAM.addThread((Consumer<Holder<Program>>) holder -> {
            Program optimizer = holder.get() == null ? Programs.standard() : holder.get();
            holder.set(Programs.sequence(optimizer, new LimitPushdown()));
        });
    }

    @Override
    public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
            List<RelOptMaterialization> materializations, List<RelOptLattice> lattices)
    {
        return rewrite(rel);
    }

    /** The plan with every qualifying read limited; unchanged nodes are kept as they are. */
    static RelNode rewrite(RelNode node)
    {
        RelNode limited = limitRead(node);
        if (limited != null) {
            return limited;
        }
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : node.getInputs()) {
            RelNode rewritten = rewrite(input);
            changed |= rewritten != input;
            inputs.add(rewritten);
        }
        return changed ? node.copy(node.getTraitSet(), inputs) : node;
    }

    /** {@code top} with the read under it limited, or null when top is no limit or its read cannot take it. */
    private static RelNode limitRead(RelNode top)
    {
        Long limit = rowsNeeded(top);
        if (limit == null) {
            return null;
        }
        // The sort keys, as fields of the node being looked at; they are followed down to the read's columns.
        List<RelFieldCollation> keys = top instanceof Sort sort ? sort.getCollation().getFieldCollations() : List.of();
        boolean sorted = !keys.isEmpty();
        RelNode node = top.getInput(0);
        while (!(node instanceof TableScan)) {
            if (node instanceof Sort sort && !sorted && sort.offset == null && sort.fetch == null) {
                keys = sort.getCollation().getFieldCollations();
                sorted = true;
            }
            else if (node instanceof Calc calc && calc.getProgram().getCondition() == null) {
                keys = throughProjection(keys, expand(calc.getProgram()));
            }
            else if (node instanceof Project project) {
                keys = throughProjection(keys, project.getProjects());
            }
            else if (!(node instanceof EnumerableInterpreter)) {
                return null;
            }
            if (keys == null) {
                return null;
            }
            node = node.getInput(0);
        }
        RelNode read = limitedRead((TableScan) node, limit, keys);
        return read == null ? null : replace(top, node, read);
    }

    /** offset + fetch of a limit with literal bounds; null for any other node. */
    private static Long rowsNeeded(RelNode node)
    {
        RexNode offset;
        RexNode fetch;
        if (node instanceof EnumerableLimit limit) {
            offset = limit.offset;
            fetch = limit.fetch;
        }
        else if (node instanceof Sort sort) {
            offset = sort.offset;
            fetch = sort.fetch;
        }
        else {
            return null;
        }
        Long rows = fetch == null ? null : literal(fetch);
        Long skipped = offset == null ? Long.valueOf(0) : literal(offset);
        if (rows == null || skipped == null) {
            return null;
        }
        try {
            return Math.addExact(rows, skipped);
        }
        catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** A non-negative integer literal, or null (a dynamic parameter, say). */
    private static Long literal(RexNode node)
    {
        if (!(node instanceof RexLiteral literal) || !(literal.getValue() instanceof BigDecimal value)) {
            return null;
        }
        try {
            long n = value.longValueExact();
            return n < 0 ? null : n;
        }
        catch (ArithmeticException notALong) {
            return null;
        }
    }

    private static List<RexNode> expand(RexProgram program)
    {
        return program.getProjectList().stream().map(program::expandLocalRef).toList();
    }

    /** The keys as fields of the projection's input, or null when a key is computed (not a plain column). */
    private static List<RelFieldCollation> throughProjection(List<RelFieldCollation> keys, List<RexNode> projects)
    {
        if (RexOver.containsOver(projects, null)) {
            // A window function in a projection sees all rows; a limit under it would change its values.
            return null;
        }
        List<RelFieldCollation> below = new ArrayList<>();
        for (RelFieldCollation key : keys) {
            if (!(projects.get(key.getFieldIndex()) instanceof RexInputRef ref)) {
                return null;
            }
            below.add(key.withFieldIndex(ref.getIndex()));
        }
        return below;
    }

    /** The read with the limit on its table, or null when its WHERE is not entirely constraints. */
    private static RelNode limitedRead(TableScan scan, long limit, List<RelFieldCollation> keys)
    {
        SourceTable table = scan.getTable().unwrap(SourceTable.class);
        if (table == null || !table.limit().isNone()) {
            return null;
        }
        List<Integer> projects;
        List<RexNode> filters;
        if (scan instanceof Bindables.BindableTableScan bindable) {
            projects = bindable.projects;
            filters = bindable.filters;
        }
        else if (scan instanceof EnumerableTableScan) {
            projects = scan.identity();
            filters = List.of();
        }
        else {
            return null;
        }
        List<Field> columns = table.schema().getFields();
        if (!ConstraintTranslator.translatesAll(columns, filters)) {
            return null;
        }
        List<OrderByField> orderBy = new ArrayList<>();
        for (RelFieldCollation key : keys) {
            OrderByField.Direction direction = direction(key);
            if (direction == null) {
                return null;
            }
            orderBy.add(new OrderByField(columns.get(projects.get(key.getFieldIndex())).getName(), direction));
        }
        RelOptTable limited = limitedTable(scan.getTable(), table.withLimit(new ScanLimit(limit, orderBy)));
        Bindables.BindableTableScan read = Bindables.BindableTableScan.create(scan.getCluster(), limited, filters, projects);
        // An EnumerableTableScan would look its table up by name when compiled, and find the mounted one;
        // the interpreter reads the table object it is given. 0.5 is the factor Calcite's own rule uses.
        return scan instanceof EnumerableTableScan ? EnumerableInterpreter.create(read, 0.5d) : read;
    }

    /** Athena's direction with null placement, as the plan orders: the engine's comparator puts UNSPECIFIED nulls last. */
    private static OrderByField.Direction direction(RelFieldCollation key)
    {
        boolean nullsFirst = key.nullDirection == RelFieldCollation.NullDirection.FIRST;
        return switch (key.getDirection()) {
            case ASCENDING, STRICTLY_ASCENDING -> nullsFirst ? OrderByField.Direction.ASC_NULLS_FIRST : OrderByField.Direction.ASC_NULLS_LAST;
            case DESCENDING, STRICTLY_DESCENDING -> nullsFirst ? OrderByField.Direction.DESC_NULLS_FIRST : OrderByField.Direction.DESC_NULLS_LAST;
            case CLUSTERED -> null;
        };
    }

    /** Same name, schema and row type; only read through the interpreter, never compiled to code that looks it up. */
    private static RelOptTable limitedTable(RelOptTable original, SourceTable limited)
    {
        return RelOptTableImpl.create(original.getRelOptSchema(), original.getRowType(), original.getQualifiedName(), limited,
                type -> {
                    throw new IllegalStateException("a limited read of " + original.getQualifiedName() + " is only interpreted");
                });
    }

    /** The chain from {@code node} down to {@code target}, copied with {@code replacement} in its place. */
    private static RelNode replace(RelNode node, RelNode target, RelNode replacement)
    {
        if (node == target) {
            return replacement;
        }
        return node.copy(node.getTraitSet(), List.of(replace(node.getInput(0), target, replacement)));
    }
}
