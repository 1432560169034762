package io.github.athenaddb.ddb;

import io.github.athenaddb.ddb.table.TableNames;
import io.github.athenaddb.ddb.table.TableDescription;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.changes.ChangeSchema;
import io.github.athenaddb.ddb.changes.StreamSampler;
import io.github.athenaddb.ddb.export.ExportManifest;
import io.github.athenaddb.ddb.export.ExportSchema;
import io.github.athenaddb.ddb.export.ExportSettings;
import io.github.athenaddb.ddb.export.ExportTables;
import io.github.athenaddb.ddb.table.EntityFilter;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import io.github.athenaddb.ddb.glue.CatalogSource;
import io.github.athenaddb.ddb.glue.GlueTableKind;
import io.github.athenaddb.ddb.glue.OverrideSchema;
import io.github.athenaddb.ddb.glue.TableOverride;
import io.github.athenaddb.ddb.schema.ComplexColumns;
import io.github.athenaddb.ddb.schema.SchemaCache;
import io.github.athenaddb.ddb.schema.SchemaInference;
import io.github.athenaddb.ddb.schema.SchemaSampler;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;
import software.amazon.awssdk.services.glue.model.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The schemas (Athena databases) and tables the connector shows: schema {@value #DEFAULT} holds
 * every DynamoDB table with inferred columns (or, as for the official connector, the columns of
 * the same-named table of Glue's own "default" database when that is marked); each Glue database
 * marked for the connector is a schema of its own, whose tables override a DynamoDB table's
 * columns or are entity views.
 */
public final class TableSchemas
{
    public static final String DEFAULT = "default";
    private static final Logger log = LoggerFactory.getLogger(TableSchemas.class);

    private final TableCatalog dynamo;
    private final CatalogSource glue;
    private final SchemaSampler sampler;
    private final SchemaCache cache;
    private final ComplexColumns complexColumns;

    public TableSchemas(TableCatalog dynamo, CatalogSource glue, SchemaSampler sampler, SchemaCache cache, ComplexColumns complexColumns)
    {
        this.complexColumns = requireNonNull(complexColumns, "complexColumns is null");
        this.dynamo = requireNonNull(dynamo, "dynamo is null");
        this.glue = requireNonNull(glue, "glue is null");
        this.sampler = requireNonNull(sampler, "sampler is null");
        this.cache = requireNonNull(cache, "cache is null");
    }

    public List<String> schemas()
    {
        List<String> schemas = new ArrayList<>();
        schemas.add(DEFAULT);
        glue.databases().forEach(d -> {
            String name = d.toLowerCase(Locale.ROOT);
            if (!schemas.contains(name)) {
                schemas.add(name);
            }
        });
        return schemas;
    }

    /** The DynamoDB tables of a Glue schema ({@link GlueTableKind}), lower-cased as Athena shows them. */
    public List<String> glueTables(String schema)
    {
        requireGlueSchema(schema);
        return glue.tables(schema).stream().filter(t -> {
            GlueTableKind kind = GlueTableKind.of(t);
            if (!kind.dynamoDb()) {
                log.debug("Glue database '{}', table '{}' left out: {}", schema, t.name(), kind.reason());
            }
            return kind.dynamoDb();
        }).map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
    }

    public Schema schema(String schema, String table)
    {
        return schema(schema, table, "", sampler::sample);
    }

    /** Where a table's columns are inferred from: a sample of its items (of the view's entity only, for a view). */
    @FunctionalInterface
    private interface Sampling
    {
        List<Map<String, AttributeValue>> sample(TableDescription table, Optional<EntityFilter> entity);
    }

    /** @param cacheSuffix tells the cache apart the columns {@code sampling} gives, for the same table */
    private Schema schema(String schema, String table, String cacheSuffix, Sampling sampling)
    {
        if (schema == null || DEFAULT.equalsIgnoreCase(schema)) {
            // As for the official connector: a DynamoDB table of Glue's own marked "default" database overrides the inferred one.
            Optional<Table> glueDefault = glueDefault(table);
            if (glueDefault.isPresent()) {
                return declared(DEFAULT, glueDefault.get(), cacheSuffix, sampling);
            }
            String resolved = dynamo.resolve(table, matches -> ambiguousInQuery(table, matches));
            return cache.get(DEFAULT + "." + resolved + cacheSuffix, () -> {
                TableDescription description = dynamo.describe(resolved);
                return complexColumns.apply(SchemaInference.infer(description, sampling.sample(description, Optional.empty())));
            });
        }
        requireGlueSchema(schema);
        Table definition = glue.table(schema, table).orElseThrow(() -> ConnectorException.notFound("Table '" + table
                + "' not found in schema '" + schema + "' (Glue database " + schema + ")"));
        return declared(schema, definition, cacheSuffix, sampling);
    }

    /**
     * The columns of {@code <table>$changes} ({@link ChangeSchema}), under the table's
     * complex_columns like its own columns, reading the table's current stream. The images are
     * typed from the stream's own records, or from the live table when the stream holds none.
     */
    public Schema changeSchema(String changeTable, String table, StreamSampler streamSampler)
    {
        String resolved = dynamo.resolve(table, matches -> ambiguousInQuery(table, matches));
        String stream = dynamo.streamArn(resolved).orElseThrow(() -> ConnectorException.notFound("Table '" + changeTable
                + "' reads the stream of DynamoDB table '" + resolved + "', which has no stream enabled: enable one "
                + "(view type NEW_AND_OLD_IMAGES for both images) to read its changes"));
        Schema changes = cache.get(DEFAULT + "." + resolved + ChangeSchema.SUFFIX, () -> {
            TableDescription description = dynamo.describe(resolved);
            // The stream's own images first (GetRecords, no read capacity); the live table only when it holds none.
            List<Map<String, AttributeValue>> images = streamSampler.images(stream);
            List<Map<String, AttributeValue>> sample = images.isEmpty() ? sampler.sample(description) : images;
            return complexColumns.apply(ChangeSchema.of(SchemaInference.infer(description, sample), table));
        });
        return ChangeSchema.withStream(changes, stream);
    }

    /**
     * The columns of {@code <table>$export} ({@link ExportSchema}): the table's own (from Glue in the
     * default schema or a Glue schema, else inferred) and export_time, reading the export its Glue
     * table or a setting names, else its newest. Inferred columns come from a sample of the export's
     * own items, not of the live table: S3 reads, no read capacity, and the columns the export has.
     */
    public Schema exportSchema(String schema, String exportTable, String table, ExportTables exports)
    {
        Optional<Map.Entry<String, String>> property = exportProperty(schema, table);
        // Which export is known once the DynamoDB table is (a Glue table names its own), so it is found from the sampling.
        Map<String, ExportManifest> found = new HashMap<>();
        Function<String, ExportManifest> export = resolved -> found.computeIfAbsent(resolved,
                r -> exports.export(r, property, () -> dynamo.tableArn(r), exportTable));
        Schema columns = schema(schema, table, ExportSchema.SUFFIX,
                (description, entity) -> exports.sample(export.apply(description.name()), entity, exportTable));
        String resolved = TableSchemaMetadata.fromSchemaMetadata(columns.getCustomMetadata(), table).table().name();
        return ExportSchema.of(columns, export.apply(resolved), exportTable);
    }

    /**
     * The Glue table property naming the export of {@code <table>$export} in {@code schema}
     * ({@link ExportSettings#GLUE_PROPERTY}), as (what names it, its value).
     */
    private Optional<Map.Entry<String, String>> exportProperty(String schema, String table)
    {
        boolean inDefault = schema == null || DEFAULT.equalsIgnoreCase(schema);
        Optional<Table> definition = inDefault ? glueDefault(table) : glue.table(schema, table);
        return definition.flatMap(t -> Optional.ofNullable(t.parameters()).orElse(Map.of()).entrySet().stream()
                .filter(p -> p.getKey().equalsIgnoreCase(ExportSettings.GLUE_PROPERTY)).findFirst()
                .map(p -> Map.entry("the Glue table property " + ExportSettings.GLUE_PROPERTY + " of " + (inDefault ? DEFAULT : schema) + "."
                        + t.name(), p.getValue())));
    }

    /** The DynamoDB table {@code table} of Glue's database "default", when that database is marked for the connector. */
    private Optional<Table> glueDefault(String table)
    {
        if (glue.databases().stream().noneMatch(DEFAULT::equalsIgnoreCase)) {
            return Optional.empty();
        }
        return glue.table(DEFAULT, table).filter(t -> GlueTableKind.of(t).dynamoDb());
    }

    /** The schema of a Glue table of a marked database: an override of a DynamoDB table's columns, or an entity view. */
    private Schema declared(String schema, Table definition, String cacheSuffix, Sampling sampling)
    {
        GlueTableKind kind = GlueTableKind.of(definition);
        if (!kind.dynamoDb()) {
            throw ConnectorException.notFound("Glue database '" + schema + "', table '" + definition.name() + "' is not a DynamoDB table: "
                    + kind.reason() + " (for this connector, set its classification to dynamodb or its property " + TableOverride.SOURCE_TABLE + ")");
        }
        TableOverride override = TableOverride.parse(schema, definition);
        // The definition is part of the shared key: another process may read another version of it.
        return cache.get("glue:" + schema.toLowerCase(Locale.ROOT) + "." + override.name() + cacheSuffix, definition.toString(), () -> {
            TableDescription description = describeSource(override);
            Schema built = OverrideSchema.build(override, description, sampling.sample(description, override.entity()));
            // Declared columns are as declared; inferred ones follow the table's complexColumns, else the setting.
            return override.columns().isEmpty() ? override.complexColumns().orElse(complexColumns).apply(built) : built;
        });
    }

    private TableDescription describeSource(TableOverride override)
    {
        String where = "Glue database '" + override.database() + "', table '" + override.name() + "': ";
        String notFound = where + "its DynamoDB table '" + override.source() + "' does not exist"
                + (override.sourceTable().isEmpty() ? " (set the table property " + TableOverride.SOURCE_TABLE + ")" : "");
        String resolved;
        try {
            resolved = dynamo.resolve(override.source(), matches -> ambiguousInGlue(where, override.source(), matches));
        }
        catch (ConnectorException e) {
            // Only a missing table is reworded: an ambiguous name already says which tables and how to pick one.
            if (!FederationSourceErrorCode.ENTITY_NOT_FOUND_EXCEPTION.toString().equals(e.getErrorDetails().errorCode())) {
                throw e;
            }
            throw ConnectorException.notFound(notFound);
        }
        try {
            return dynamo.describe(resolved);
        }
        catch (ResourceNotFoundException e) {
            // Deleted since the table list was read.
            throw ConnectorException.notFound(notFound);
        }
    }

    /** Athena's name is lower-cased: only a Glue table's sourceTable can spell which table is meant. */
    private static ConnectorException ambiguousInQuery(String table, List<String> matches)
    {
        return ConnectorException.invalidInput("Table '" + table + "' is ambiguous: DynamoDB tables " + TableNames.quoted(matches)
                + " differ only by case, none is spelled '" + table + "', and Athena lower-cases table names. To read one, define a table "
                + "in a Glue database marked for the connector with the table property " + TableOverride.SOURCE_TABLE
                + " set to its exact name, e.g. " + TableOverride.SOURCE_TABLE + "=" + matches.get(0) + " (athena-local: in the --definitions file).");
    }

    private static ConnectorException ambiguousInGlue(String where, String source, List<String> matches)
    {
        return ConnectorException.invalidInput(where + "its DynamoDB table '" + source + "' is ambiguous: tables " + TableNames.quoted(matches)
                + " differ only by case and none is spelled '" + source + "'. Set the table property " + TableOverride.SOURCE_TABLE
                + " to the exact name of one, e.g. " + TableOverride.SOURCE_TABLE + "=" + matches.get(0) + ".");
    }

    private void requireGlueSchema(String schema)
    {
        Optional<String> found = glue.databases().stream().filter(d -> d.equalsIgnoreCase(schema)).findFirst();
        if (found.isEmpty()) {
            throw ConnectorException.notFound("Schema '" + schema + "' not found: DynamoDB tables are in schema '" + DEFAULT + "'"
                    + (glue.databases().isEmpty() ? "" : ", definitions in " + String.join(", ", glue.databases())));
        }
    }
}
