package io.github.athenaddb.ddb.export;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.exec.ExportFileReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of an export table ({@code <table>$export}): the table's own columns, as its GetTable
 * gives them (inferred, or from Glue), and {@code export_time}, the point in time the export holds.
 * Its schema metadata is the table's, plus the export it reads.
 */
public final class ExportSchema
{
    public static final String SUFFIX = "$export";
    static final String BUCKET = "ddb.exportBucket";
    static final String FOLDER = "ddb.exportFolder";
    static final String SOURCE = "ddb.exportSource";
    static final String TIME = "ddb.exportTimeMillis";

    private ExportSchema() {}

    /** The table whose export {@code name} names; empty for any other name. */
    public static Optional<String> baseTable(String name)
    {
        if (name.length() <= SUFFIX.length() || !name.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
            return Optional.empty();
        }
        return Optional.of(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** The table's columns and {@code export_time}, reading {@code export}. */
    public static Schema of(Schema tableSchema, ExportManifest export, String exportTable)
    {
        if (tableSchema.getFields().stream().anyMatch(f -> f.getName().equalsIgnoreCase(ExportFileReader.EXPORT_TIME))) {
            throw ConnectorException.invalidInput("Table '" + exportTable + "' cannot add its column " + ExportFileReader.EXPORT_TIME
                    + ": the table has a column of that name");
        }
        List<Field> fields = new ArrayList<>(tableSchema.getFields());
        fields.add(new Field(ExportFileReader.EXPORT_TIME, FieldType.nullable(new ArrowType.Date(DateUnit.MILLISECOND)), null));
        Map<String, String> metadata = new HashMap<>(tableSchema.getCustomMetadata());
        metadata.put(BUCKET, export.location().bucket());
        metadata.put(FOLDER, export.location().folder());
        metadata.put(SOURCE, export.location().source());
        metadata.put(TIME, Long.toString(export.exportTime().toEpochMilli()));
        return new Schema(fields, metadata);
    }

    /** The export an export table reads, from the schema metadata GetTable gave it; empty for any other table. */
    public static Optional<ExportManifest> export(Map<String, String> schemaMetadata)
    {
        if (schemaMetadata == null || !schemaMetadata.containsKey(BUCKET)) {
            return Optional.empty();
        }
        ExportLocation location = new ExportLocation(schemaMetadata.get(BUCKET), schemaMetadata.getOrDefault(FOLDER, ""),
                schemaMetadata.getOrDefault(SOURCE, "an export"));
        return Optional.of(new ExportManifest(location, Instant.ofEpochMilli(Long.parseLong(schemaMetadata.get(TIME)))));
    }
}
