package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import io.github.athenaddb.ddb.schema.ArrowFieldMapper;
import io.github.athenaddb.devkit.AthenaSequence;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connector's table inside the engine. Calcite hands it the projected columns and the WHERE
 * conjuncts; it asks the connector for exactly those columns with the conjuncts it can express
 * as constraints, and leaves every conjunct in place for Calcite to evaluate as well, so the
 * rows are the same whether or not a constraint was pushed. A copy made by {@link LimitPushdown}
 * for one planned read also sends that read's LIMIT and ORDER BY ({@link #withLimit}).
 */
final class SourceTable
        extends AbstractTable
        implements ProjectableFilterableTable
{
    private final SourceCatalog catalog;
    private final String schemaName;
    private final String tableName;
    private final ScanLimit limit;
    private Schema schema;

    SourceTable(SourceCatalog catalog, String schemaName, String tableName)
    {
        this(catalog, schemaName, tableName, ScanLimit.NONE, null);
    }

    private SourceTable(SourceCatalog catalog, String schemaName, String tableName, ScanLimit limit, Schema schema)
    {
        this.catalog = catalog;
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.limit = limit;
        this.schema = schema;
    }

    /**
     * This table for one planned read that needs only {@code limit}'s rows. It keeps the schema
     * the statement was planned with (it is made after planning, and never mounted in a schema,
     * so no later statement sees it).
     */
    SourceTable withLimit(ScanLimit limit)
    {
        return new SourceTable(catalog, schemaName, tableName, limit, schema());
    }

    /** What this read sends as limit and order; {@link ScanLimit#NONE} for the mounted table. */
    ScanLimit limit()
    {
        return limit;
    }

    /** Athena asks for a table's schema once per query; so does the engine, once per statement. */
    synchronized void forgetSchema()
    {
        schema = null;
    }

    /** The table's schema as the connector returned it, with names lower-cased as Athena does. */
    synchronized Schema schema()
    {
        if (schema == null) {
            schema = AthenaSequence.lowerCased(catalog.sequence().getTable(schemaName, tableName).getSchema());
        }
        return schema;
    }

    /** The splits the connector plans for these constraints (no rows are read). */
    List<Split> splits(Map<String, ValueSet> pushed)
    {
        return catalog.sequence().splits(schemaName, tableName, schema(), constraints(pushed));
    }

    /** As Athena sends them to GetTableLayout, GetSplits and ReadRecords alike: the connector may plan with the limit too. */
    private Constraints constraints(Map<String, ValueSet> pushed)
    {
        return new Constraints(pushed, List.of(), sentLimit().orderBy(), sentLimit().limit(), Map.of(), null);
    }

    /** {@code --no-pushdown} sends no limit either (the engine never makes such a copy then; this makes sure). */
    private ScanLimit sentLimit()
    {
        return catalog.pushdown() ? limit : ScanLimit.NONE;
    }

    /** The DynamoDB table named in the connector's schema metadata, for counting its requests. */
    private static Optional<String> dynamoTable(Schema schema)
    {
        try {
            return Optional.of(TableSchemaMetadata.fromSchemaMetadata(schema.getCustomMetadata(), "").table().name());
        }
        catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory)
    {
        return ArrowSqlTypes.rowType(typeFactory, schema());
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects)
    {
        Schema full = schema();
        List<Field> columns = new ArrayList<>();
        if (projects == null) {
            columns.addAll(full.getFields());
        }
        else {
            for (int i : projects) {
                columns.add(full.getFields().get(i));
            }
        }
        // A count(*) projects nothing; Athena still asks for a column, and so do we.
        boolean countOnly = columns.isEmpty();
        if (countOnly) {
            columns.add(full.getFields().get(0));
        }
        List<Object[]> rows = new ArrayList<>();
        try (BlockAllocator allocator = new BlockAllocatorImpl()) {
            Map<String, ValueSet> pushed = catalog.pushdown()
                    ? ConstraintTranslator.translate(allocator, full.getFields(), filters).pushed()
                    : Map.of();
            SourceScan scan = catalog.stats().startScan(catalog.name(), schemaName, tableName, pushed, sentLimit());
            dynamoTable(full).ifPresent(scan::readsDynamoTable);
            scan.readsLossyColumns(columns.stream().filter(f -> f.getMetadata() != null && f.getMetadata().containsKey(ArrowFieldMapper.LOSSY_METADATA))
                    .map(f -> f.getName() + ": " + f.getMetadata().get(ArrowFieldMapper.LOSSY_METADATA)).toList());
            Constraints constraints = constraints(pushed);
            int splits = catalog.sequence().read(schemaName, tableName, new Schema(columns, full.getCustomMetadata()), constraints,
                    catalog.parallelism(), block -> {
                        ArrowSqlTypes.appendRows(block, countOnly ? 0 : columns.size(), rows);
                        scan.addRows(block.getRowCount());
                    });
            scan.addSplits(splits);
            ConstraintTranslator.release(pushed);
        }
        return Linq4j.asEnumerable(rows);
    }
}
