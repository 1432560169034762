package io.github.athenaddb.ddb;

import io.github.athenaddb.ddb.split.ReadOptions;
import io.github.athenaddb.ddb.split.ReadSplit;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import io.github.athenaddb.ddb.table.TableDescription;
import io.github.athenaddb.handler.SourceRecordHandler;
import com.amazonaws.athena.connector.lambda.QueryStatusChecker;
import com.amazonaws.athena.connector.lambda.data.BlockSpiller;
import com.amazonaws.athena.connector.lambda.domain.predicate.ConstraintEvaluator;
import com.amazonaws.athena.connector.lambda.domain.predicate.ConstraintProjector;
import io.github.athenaddb.predicate.RowChecks;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.ddb.exec.QueryReadBudgets;
import io.github.athenaddb.ddb.exec.ReadStats;
import io.github.athenaddb.ddb.split.DynamoDbReaders;
import io.github.athenaddb.ddb.split.ReadContext;
import io.github.athenaddb.ddb.split.ReadProjection;
import io.github.athenaddb.ddb.split.SplitCodec;
import io.github.athenaddb.ddb.exec.RowBudget;
import io.github.athenaddb.ddb.table.EntityFilter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import io.github.athenaddb.ddb.types.ItemRowWriter;
import io.github.athenaddb.ddb.types.StrictMisfits;
import org.apache.arrow.vector.types.pojo.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.Consumer;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Reads one split as its plan says (a Scan segment, a Query, or primary-key lookups), with a
 * projection of the requested columns (plus the key, for naming items in warnings), and writes
 * every item that meets the query's constraints: the plan decides the cost, this check the rows.
 */
public class DdbRecordHandler
        extends SourceRecordHandler
{
    private static final Logger log = LoggerFactory.getLogger(DdbRecordHandler.class);
    static final int ROWS_PER_WRITE = 64;

    private final ConnectorConfig config;
    private final DynamoDbReaders readers;
    private final boolean failOnMismatch;

    /** {@code type_mismatch}: {@code null} (default) reads a value that does not fit its column as NULL, with a warning; {@code fail} fails the query. */
    public static final String TYPE_MISMATCH = "type_mismatch";

    /** @param s3 the function's S3 client, of spills and of export reads, built when first used */
    public DdbRecordHandler(ConnectorConfig config, DynamoDbClient dynamoDb, Map<String, String> configOptions, Supplier<S3Client> s3)
    {
        super(configOptions, s3);
        this.config = requireNonNull(config, "config is null");
        this.readers = DynamoDbReaders.of(dynamoDb, DynamoDbClients.lazyStreams(config), s3);
        String mismatch = configOptions.getOrDefault(TYPE_MISMATCH, "null").trim();
        if (!mismatch.equals("null") && !mismatch.equals("fail")) {
            throw new IllegalArgumentException("Invalid configuration " + TYPE_MISMATCH + "='" + mismatch + "': expected null or fail");
        }
        this.failOnMismatch = mismatch.equals("fail");
    }

    @Override
    protected void readWithConstraint(BlockSpiller spiller, ReadRecordsRequest request, QueryStatusChecker queryStatusChecker)
    {
        ReadSplit split = SplitCodec.read(request.getSplit());
        TableSchemaMetadata metadata = TableSchemaMetadata.fromSchemaMetadata(
                request.getSchema().getCustomMetadata(), request.getTableName().getTableName());
        List<Field> fields = request.getSchema().getFields().stream().map(metadata::withColumnMetadata).toList();
        List<String> attributes = new ArrayList<>();
        fields.forEach(f -> attributes.add(metadata.attributeFor(f.getName())));
        List<String> keys = metadata.table().keyAttributes().stream().map(TableDescription.KeyAttribute::name).toList();
        List<String> projected = new ArrayList<>(attributes);
        projected.addAll(keys);
        // An entity view's predicate is checked on each item: its attributes are read even when not selected.
        metadata.entity().ifPresent(e -> {
            e.equality().ifPresent(c -> projected.add(c.attribute()));
            e.prefix().ifPresent(c -> projected.add(c.attribute()));
        });
        ReadProjection projection = ReadProjection.of(projected, keys);

        ConstraintEvaluator evaluator = spiller.getConstraintEvaluator();
        boolean constrained = request.getConstraints() != null && request.getConstraints().getSummary() != null
                && !request.getConstraints().getSummary().isEmpty();
        Function<String, ConstraintProjector> checks = RowChecks.of(evaluator, constrained ? request.getConstraints().getSummary() : Map.of());
        ItemRowWriter writer = new ItemRowWriter(fields, attributes, column -> constrained ? checks.apply(column) : null);
        MisfitLog misfits = new MisfitLog(split.table(), keys);
        StrictMisfits strict = failOnMismatch ? new StrictMisfits(split.table(), keys, misfits) : null;
        BooleanSupplier keepGoing = config.queryStatusCheck() ? queryStatusChecker::isQueryRunning : () -> true;
        ReadOptions options = SplitCodec.options(request.getSplit());
        // A top-N counts rows whose sort-key column is not NULL; without that column in the request it cannot count at all.
        int countedColumn = options.limit().countedAttribute().map(attributes::indexOf).orElse(-1);
        boolean countable = options.limit().countedAttribute().isEmpty() || countedColumn >= 0;
        RowBudget rows = countable ? new RowBudget(options.limit()) : RowBudget.unlimited();
        Optional<EntityFilter> entity = metadata.entity();
        Consumer<List<Map<String, AttributeValue>>> pages = page -> writePage(spiller, writer, misfits, strict, entityItems(entity, page), rows,
                countedColumn);

        ReadStats stats;
        try (QueryReadBudgets.Lease budget = readBudget(request, split.table())) {
            stats = split.read(new ReadContext(readers, projection, options, budget.limiter(), keepGoing, rows, pages));
        }
        misfits.summarize();
        log.info("Query {}: read {} ({}): {} items in {} requests, {} read capacity units, {} misfit values",
                request.getQueryId(), split.table(), split.describe(), stats.items(), stats.requests(), stats.consumedReadUnits(),
                misfits.count());
    }

    /** The split's share of the read rate cap, pooled with the other splits of its read that run in this JVM. */
    private static QueryReadBudgets.Lease readBudget(ReadRecordsRequest request, String table)
    {
        return SplitCodec.readShare(request.getSplit())
                .map(share -> QueryReadBudgets.JVM.join(request.getQueryId(), table, share.unitsPerSecond(), share.capUnitsPerSecond()))
                .orElse(QueryReadBudgets.UNLIMITED);
    }

    /** An entity view's rows are only the items its predicate matches (the plan read a superset). */
    private static List<Map<String, AttributeValue>> entityItems(Optional<EntityFilter> entity, List<Map<String, AttributeValue>> page)
    {
        if (entity.isEmpty()) {
            return page;
        }
        List<Map<String, AttributeValue>> matching = new ArrayList<>(page.size());
        page.forEach(item -> {
            if (entity.get().matches(item)) {
                matching.add(item);
            }
        });
        return matching;
    }

    /**
     * Writes a page in chunks: the spiller measures the block after every writeRows call, which
     * costs more than converting one small item. A chunk overshoots the block size limit by at
     * most {@value #ROWS_PER_WRITE} rows.
     */
    /** @param strict when set, a value that does not fit fails the query instead of reading NULL */
    private static void writePage(BlockSpiller spiller, ItemRowWriter writer, MisfitLog misfits, StrictMisfits strict,
                                  List<Map<String, AttributeValue>> page,
                                  RowBudget rows, int countedColumn)
    {
        for (int from = 0; from < page.size() && !rows.exhausted(); from += ROWS_PER_WRITE) {
            List<Map<String, AttributeValue>> chunk = page.subList(from, Math.min(page.size(), from + ROWS_PER_WRITE));
            spiller.writeRows((block, firstRow) -> {
                int written = 0;
                for (Map<String, AttributeValue> item : chunk) {
                    if (rows.exhausted()) {
                        break;
                    }
                    misfits.setItem(item);
                    if (strict != null) {
                        strict.setItem(item);
                    }
                    int row = firstRow + written;
                    if (writer.write(block, row, item, strict != null ? strict : misfits) == 1) {
                        written++;
                        rows.wrote(countedColumn >= 0 && block.getFieldVectors().get(countedColumn).isNull(row));
                    }
                }
                return written;
            });
        }
    }
}
