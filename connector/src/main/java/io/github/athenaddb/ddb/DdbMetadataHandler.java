package io.github.athenaddb.ddb;

import io.github.athenaddb.ddb.split.SplitPlanner;
import io.github.athenaddb.ddb.split.ReadOptions;
import io.github.athenaddb.ddb.split.ReadSplit;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import io.github.athenaddb.ddb.table.TableDescription;
import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import io.github.athenaddb.handler.SourceMetadataHandler;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetTableRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesResponse;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.handler.SinglePartition;
import io.github.athenaddb.ConnectorException;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.metadata.GetDataSourceCapabilitiesRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetDataSourceCapabilitiesResponse;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.OptimizationSubType;
import com.google.common.collect.ImmutableMap;
import io.github.athenaddb.ddb.exec.ExportFileReader;
import io.github.athenaddb.ddb.exec.PartiqlReader;
import io.github.athenaddb.ddb.exec.ShardReader;
import io.github.athenaddb.ddb.exec.ReadRateLimiter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import io.github.athenaddb.ddb.plan.ReadPlan;
import io.github.athenaddb.ddb.plan.ReadPlanner;
import io.github.athenaddb.ddb.plan.ReadRatePlanner;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.DataSourceOptimizations;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.pushdown.LimitPushdownSubType;
import io.github.athenaddb.ddb.plan.ScanGuard;
import io.github.athenaddb.ddb.split.SplitCodec;
import io.github.athenaddb.ddb.changes.ChangeSchema;
import io.github.athenaddb.ddb.changes.ChangeSplits;
import io.github.athenaddb.ddb.changes.StreamSampler;
import io.github.athenaddb.ddb.changes.StreamShards;
import io.github.athenaddb.ddb.changes.StreamTables;
import io.github.athenaddb.ddb.export.ExportManifest;
import io.github.athenaddb.ddb.export.ExportManifests;
import io.github.athenaddb.ddb.export.ExportSampler;
import io.github.athenaddb.ddb.export.ExportSchema;
import io.github.athenaddb.ddb.export.ExportSettings;
import io.github.athenaddb.ddb.export.ExportTables;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import java.util.function.Supplier;
import io.github.athenaddb.ddb.glue.CatalogSource;
import io.github.athenaddb.ddb.schema.ComplexColumns;
import io.github.athenaddb.ddb.schema.SchemaCache;
import io.github.athenaddb.ddb.schema.store.SchemaCacheKey;
import io.github.athenaddb.ddb.schema.store.SharedSchemaLocation;
import io.github.athenaddb.ddb.schema.SchemaInference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.athenaddb.ddb.schema.SchemaSampler;
import org.apache.arrow.vector.types.pojo.Schema;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Athena's metadata calls for DynamoDB: one schema ({@value #SCHEMA}), every table in it, a
 * table's schema from a sample, and splits from the access plan: one per Scan segment, one per
 * Query, or one for a set of primary keys.
 */
public class DdbMetadataHandler
        extends SourceMetadataHandler
{
    private static final Logger log = LoggerFactory.getLogger(DdbMetadataHandler.class);
    public static final String SOURCE_TYPE = "ddb";
    public static final String SCHEMA = TableSchemas.DEFAULT;

    private final ConnectorConfig config;
    private final TableCatalog catalog;
    private final PartiqlReader partiqlReader;
    private final PartiqlPassthrough passthrough = new PartiqlPassthrough();
    private final TableSchemas schemas;
    private final StreamShards shards;
    private final StreamSampler streamSampler;
    private final StreamTables streamTables;
    private final ExportTables exportTables;

    /**
     * @param s3 the function's S3 client, built on first use: the shared schemas under the spill location,
     *         and the tables' exports ({@code <table>$export}), which are read as the function itself, not as
     *         the cross-account role, since an export's bucket is the exporter's choice and usually the
     *         function's account's
     */
    public DdbMetadataHandler(ConnectorConfig config, TableCatalog catalog, CatalogSource glue, SchemaSampler sampler,
                              PartiqlReader partiqlReader, Map<String, String> configOptions, Supplier<S3Client> s3)
    {
        super(configOptions);
        this.config = requireNonNull(config, "config is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.partiqlReader = requireNonNull(partiqlReader, "partiqlReader is null");
        SharedSchemaLocation shared = SharedSchemaLocation.of(configOptions);
        log.info("Inferred schemas are cached for {} s, {}", config.schemaCacheSeconds(), shared.reason());
        this.schemas = new TableSchemas(catalog, glue, sampler, new SchemaCache(Duration.ofSeconds(config.schemaCacheSeconds()), Clock.systemUTC(),
                shared.open(configOptions, s3), SchemaCacheKey.fromConfig(configOptions)), ComplexColumns.fromConfig(configOptions));
        Supplier<DynamoDbStreamsClient> streams = DynamoDbClients.lazyStreams(config);
        this.shards = new StreamShards(streams);
        this.streamSampler = new StreamSampler(shards, new ShardReader(streams), config.sampleSize(), Clock.systemUTC());
        this.streamTables = new StreamTables(streams);
        ExportManifests manifests = new ExportManifests(s3);
        this.exportTables = new ExportTables(catalog.exports(), manifests, ExportSettings.fromConfig(configOptions),
                new ExportSampler(manifests, new ExportFileReader(s3), config.sampleSize()));
    }

    /**
     * LIMIT pushdown and query passthrough (system.query). Athena trusts a declared capability and
     * does not apply it again, so only what the connector does exactly is declared: a LIMIT (read in
     * one split, see LimitPlanner). Not top-N (only an ORDER BY on the sort key is read in order) and
     * not filters (the connector checks constraints itself, but Athena's string order is not the
     * SDK evaluator's for characters from U+D800 on): Athena still sorts and filters what comes back.
     */
    @Override
    public GetDataSourceCapabilitiesResponse doGetDataSourceCapabilities(BlockAllocator allocator, GetDataSourceCapabilitiesRequest request)
    {
        ImmutableMap.Builder<String, List<OptimizationSubType>> capabilities = ImmutableMap.builder();
        capabilities.put(DataSourceOptimizations.SUPPORTS_LIMIT_PUSHDOWN.withSupportedSubTypes(LimitPushdownSubType.INTEGER_CONSTANT));
        passthrough.addQueryPassthroughCapabilityIfEnabled(capabilities, configOptions);
        return new GetDataSourceCapabilitiesResponse(request.getCatalogName(), capabilities.build());
    }

    /**
     * The schema of a system.query result, inferred from up to schema_sample_size items of the
     * statement's own result (read through ExecuteStatement, not a Scan of the table).
     */
    @Override
    public GetTableResponse doGetQueryPassthroughSchema(BlockAllocator allocator, GetTableRequest request)
    {
        passthrough.verify(request.getQueryPassthroughArguments());
        String statement = PartiqlPassthrough.statement(request.getQueryPassthroughArguments());
        String tableName = PartiqlPassthrough.table(statement);
        TableDescription table;
        try {
            table = catalog.describe(tableName);
        }
        catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
            throw ConnectorException.notFound("system.query: DynamoDB table '" + tableName + "' (named after FROM) does not exist");
        }
        List<Map<String, AttributeValue>> sample = new ArrayList<>();
        partiqlReader.execute(statement, config.sampleSize(), ReadRateLimiter.UNLIMITED, () -> true, sample::addAll);
        Schema schema = SchemaInference.inferResult(table, sample);
        return new GetTableResponse(request.getCatalogName(), request.getTableName(), schema, Set.of());
    }

    @Override
    public ListSchemasResponse doListSchemaNames(BlockAllocator allocator, ListSchemasRequest request)
    {
        return new ListSchemasResponse(request.getCatalogName(), schemas.schemas());
    }

    @Override
    public ListTablesResponse doListTables(BlockAllocator allocator, ListTablesRequest request)
    {
        if (request.getSchemaName() != null && !SCHEMA.equalsIgnoreCase(request.getSchemaName())) {
            List<TableName> tables = schemas.glueTables(request.getSchemaName()).stream()
                    .map(t -> new TableName(request.getSchemaName(), t)).collect(Collectors.toList());
            return new ListTablesResponse(request.getCatalogName(), tables, null);
        }
        TableCatalog.Page page = catalog.listPage(Optional.ofNullable(request.getNextToken()), request.getPageSize());
        Set<String> withStream = page.names().isEmpty() ? Set.of() : streamTables.tables();
        List<TableName> tables = new ArrayList<>();
        for (String table : page.names()) {
            tables.add(new TableName(SCHEMA, table));
            // Next to its table, so that the page's last name stays the table list's token.
            if (withStream.contains(table)) {
                tables.add(new TableName(SCHEMA, table + ChangeSchema.SUFFIX));
            }
        }
        return new ListTablesResponse(request.getCatalogName(), tables, page.lastName().orElse(null));
    }

    @Override
    public GetTableResponse doGetTable(BlockAllocator allocator, GetTableRequest request)
    {
        TableName name = request.getTableName();
        Optional<String> changesOf = ChangeSchema.baseTable(name.getTableName())
                .filter(t -> name.getSchemaName() == null || SCHEMA.equalsIgnoreCase(name.getSchemaName()));
        Optional<String> exportOf = ExportSchema.baseTable(name.getTableName());
        Schema schema = changesOf.isPresent() ? schemas.changeSchema(name.getTableName(), changesOf.get(), streamSampler)
                : exportOf.isPresent() ? schemas.exportSchema(name.getSchemaName(), name.getTableName(), exportOf.get(), exportTables)
                : schemas.schema(name.getSchemaName(), name.getTableName());
        return new GetTableResponse(request.getCatalogName(), name, schema, Set.of());
    }

    /**
     * One partition, whose schema carries the number of Scan segments, so that GetSplits needs
     * no DynamoDB call: the table's size came with the schema from GetTable.
     */
    @Override
    public GetTableLayoutResponse doGetTableLayout(BlockAllocator allocator, GetTableLayoutRequest request)
    {
        Map<String, String> schemaMetadata = request.getSchema().getCustomMetadata();
        if (ChangeSchema.streamArn(schemaMetadata).isPresent() || ExportSchema.export(schemaMetadata).isPresent()) {
            // A stream is read shard by shard, an export file by file: no Scan segments, no key order.
            return SinglePartition.layout(allocator, request, request.getSchema().getCustomMetadata());
        }
        TableSchemaMetadata metadata = TableSchemaMetadata.fromSchemaMetadata(
                request.getSchema().getCustomMetadata(), request.getTableName().getTableName());
        int segments = config.scanSegments().orElseGet(() -> ScanSegments.forTable(
                metadata.table().sizeBytes(), config.segmentTargetBytes(), config.maxSegments()));
        Map<String, String> partitionMetadata = new HashMap<>(request.getSchema().getCustomMetadata());
        partitionMetadata.put(SplitCodec.TOTAL_SEGMENTS, Integer.toString(segments));
        partitionMetadata.putAll(PlannerConstraints.layoutMetadata(request.getSchema(), metadata));
        return SinglePartition.layout(allocator, request, partitionMetadata);
    }

    @Override
    public GetSplitsResponse doGetSplits(BlockAllocator allocator, GetSplitsRequest request)
    {
        Map<String, String> partitionMetadata = request.getPartitions().getSchema().getCustomMetadata();
        TableSchemaMetadata metadata = TableSchemaMetadata.fromSchemaMetadata(partitionMetadata, request.getTableName().getTableName());
        Optional<String> stream = ChangeSchema.streamArn(partitionMetadata);
        if (stream.isPresent()) {
            return changeSplits(request, metadata.table().name(), stream.get());
        }
        Optional<ExportManifest> export = ExportSchema.export(partitionMetadata);
        if (export.isPresent()) {
            return exportSplits(request, metadata.table().name(), export.get());
        }
        if (!partitionMetadata.containsKey(SplitCodec.TOTAL_SEGMENTS)) {
            throw ConnectorException.invalidInput("The partitions sent to GetSplits lack " + SplitCodec.TOTAL_SEGMENTS
                    + "; send the partitions GetTableLayout returned unchanged.");
        }
        Constraints constraints = request.getConstraints();
        if (constraints != null && constraints.isQueryPassThrough()) {
            passthrough.verify(constraints.getQueryPassthroughArguments());
            String statement = PartiqlPassthrough.statement(constraints.getQueryPassthroughArguments());
            Split.Builder split = SplitCodec.write(new ReadSplit.PartiqlSplit(metadata.table().name(), statement),
                    Split.newBuilder(makeSpillLocation(request), makeEncryptionKey()));
            // One split, with the whole cap: a passthrough reads the table as much as any other query.
            SplitCodec.write(ReadRatePlanner.plan(config.maxReadUnitsPerSecond(), 1), split);
            return new GetSplitsResponse(request.getCatalogName(), Set.of(split.build()));
        }
        ReadPlan readPlan = ReadPlanner.plan(metadata.table(), PlannerConstraints.of(metadata, request.getConstraints(), partitionMetadata), config.maxKeyLookups());
        SplitPlanner.Planned planned = SplitPlanner.plan(metadata.table().name(), readPlan, SplitCodec.totalSegments(partitionMetadata),
                config.maxReadUnitsPerSecond());
        log.info("Query {}, table {}: {}{}", request.getQueryId(), metadata.table().name(), readPlan.reason(),
                planned.rate().capped() ? "; " + planned.rate().reason() : "");
        ScanGuard.check(metadata.table(), readPlan, config.scanGuardBytes());
        ReadOptions options = new ReadOptions(readPlan.limit(), readPlan.filter());
        Set<Split> splits = new LinkedHashSet<>();
        for (ReadSplit read : planned.reads()) {
            Split.Builder split = SplitCodec.write(read, Split.newBuilder(makeSpillLocation(request), makeEncryptionKey()));
            splits.add(SplitCodec.write(planned.rate(), SplitCodec.write(options, split)).build());
        }
        return new GetSplitsResponse(request.getCatalogName(), splits);
    }

    /**
     * The stream's shards, closed or open, each read up to now: records written after the query
     * started are not its rows, and the read of an open shard must end.
     */
    private GetSplitsResponse changeSplits(GetSplitsRequest request, String table, String stream)
    {
        List<String> shardIds = shards.shardIds(stream);
        ChangeSplits.Planned planned = ChangeSplits.plan(table, stream, shardIds, Instant.now(),
                PlannerConstraints.plainLimit(request.getConstraints()));
        Set<Split> splits = splits(request, planned.splits(), planned.options());
        log.info("Query {}, table {}: changes from {} stream shard(s) in {} split(s)", request.getQueryId(), table, shardIds.size(), splits.size());
        return new GetSplitsResponse(request.getCatalogName(), splits);
    }

    /** The export's data files, one split each: S3 reads, no DynamoDB read capacity. */
    private GetSplitsResponse exportSplits(GetSplitsRequest request, String table, ExportManifest export)
    {
        ExportTables.Planned planned = exportTables.splits(table, export, PlannerConstraints.plainLimit(request.getConstraints()),
                request.getTableName().getTableName());
        Set<Split> splits = splits(request, planned.splits(), planned.options());
        log.info("Query {}, table {}: the export at {} ({}), exported at {}, in {} split(s), 0 read capacity units", request.getQueryId(), table,
                export.location().uri(), export.location().source(), export.exportTime(), splits.size());
        return new GetSplitsResponse(request.getCatalogName(), splits);
    }

    /** Splits that read as planned, under the same options (a LIMIT), uncapped: they spend no read capacity. */
    private Set<Split> splits(GetSplitsRequest request, List<? extends ReadSplit> reads, ReadOptions options)
    {
        return reads.stream().map(read -> SplitCodec.write(options, SplitCodec.write(read, Split.newBuilder(makeSpillLocation(request),
                makeEncryptionKey()))).build()).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
