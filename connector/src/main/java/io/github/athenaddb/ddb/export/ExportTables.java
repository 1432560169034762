package io.github.athenaddb.ddb.export;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.plan.RowLimit;
import io.github.athenaddb.ddb.split.ExportSplit;
import io.github.athenaddb.ddb.split.ReadOptions;
import io.github.athenaddb.ddb.table.EntityFilter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * What the metadata handler needs of export tables: the export a table's export table reads (its
 * setting, else the newest completed full export) and the splits of a read, one per data file.
 */
public final class ExportTables
{
    private final TableExports exports;
    private final ExportManifests manifests;
    private final ExportSettings settings;
    private final ExportSampler sampler;

    public ExportTables(TableExports exports, ExportManifests manifests, ExportSettings settings, ExportSampler sampler)
    {
        this.exports = requireNonNull(exports, "exports is null");
        this.manifests = requireNonNull(manifests, "manifests is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.sampler = requireNonNull(sampler, "sampler is null");
    }

    /**
     * @param table the DynamoDB table
     * @param glueProperty the Glue table's {@value ExportSettings#GLUE_PROPERTY} (what names it, its value), which wins over the setting
     * @param tableArn asked only when nothing names the export (ListExports takes the table's ARN)
     */
    public ExportManifest export(String table, Optional<Map.Entry<String, String>> glueProperty, Supplier<String> tableArn, String exportTable)
    {
        glueProperty.ifPresent(p -> {
            try {
                ExportSettings.check(p.getKey(), p.getValue());
            }
            catch (IllegalArgumentException e) {
                throw ConnectorException.invalidInput("Table '" + exportTable + "': " + e.getMessage());
            }
        });
        Optional<Map.Entry<String, String>> setting = glueProperty.map(p -> Map.entry(p.getKey(), p.getValue().trim()))
                .or(() -> settings.forTable(table));
        ExportLocation location;
        if (setting.isEmpty()) {
            location = exports.newest(tableArn.get(), table, exportTable);
        }
        else if (setting.get().getValue().startsWith("arn:")) {
            location = exports.of(setting.get().getValue(), exportTable, "set by " + setting.get().getKey());
        }
        else {
            location = ExportLocation.ofUri(setting.get().getValue(), "set by " + setting.get().getKey());
        }
        return manifests.summary(location, exportTable);
    }

    /** Items of the export to infer the export table's columns from ({@link ExportSampler}). */
    public List<Map<String, AttributeValue>> sample(ExportManifest export, Optional<EntityFilter> entity, String exportTable)
    {
        return sampler.sample(export, entity, exportTable);
    }

    public record Planned(List<ExportSplit> splits, ReadOptions options) {}

    /**
     * One split per data file; under a LIMIT one split for all files, read one after the other until
     * it has written enough rows: the connector declares LIMIT pushdown and Athena does not cut again.
     */
    public Planned splits(String table, ExportManifest export, OptionalLong limit, String exportTable)
    {
        List<String> files = manifests.dataFiles(export, exportTable);
        String bucket = export.location().bucket();
        if (files.isEmpty()) {
            return new Planned(List.of(), ReadOptions.NONE);
        }
        if (limit.isPresent()) {
            RowLimit rows = new RowLimit(limit.getAsLong(), true, true, false, Optional.empty());
            return new Planned(List.of(new ExportSplit(table, bucket, files, export.exportTime())), new ReadOptions(rows, Optional.empty()));
        }
        return new Planned(files.stream().map(f -> new ExportSplit(table, bucket, List.of(f), export.exportTime())).toList(), ReadOptions.NONE);
    }
}
