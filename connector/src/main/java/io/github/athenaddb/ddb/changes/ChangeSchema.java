package io.github.athenaddb.ddb.changes;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.exec.ChangeRow;
import io.github.athenaddb.ddb.table.KeySchema;
import io.github.athenaddb.ddb.table.TableDescription;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a change table ({@code <table>$changes}): one row per stream record, with the
 * event's id, name, time, sequence number and shard, the item's key attributes as columns typed
 * as the table's, and the new and old images typed as the table's row. Its schema metadata is the
 * table's, plus the stream it reads.
 */
public final class ChangeSchema
{
    public static final String SUFFIX = "$changes";
    static final String STREAM_ARN = "ddb.streamArn";
    private static final Set<String> EVENT_COLUMNS = Set.of(ChangeRow.EVENT_ID, ChangeRow.EVENT_NAME, ChangeRow.EVENT_TIME,
            ChangeRow.SEQUENCE_NUMBER, ChangeRow.SHARD_ID, ChangeRow.NEW_IMAGE, ChangeRow.OLD_IMAGE);

    private ChangeSchema() {}

    /** The table whose changes {@code name} names; empty for any other name. */
    public static Optional<String> baseTable(String name)
    {
        if (name.length() <= SUFFIX.length() || !name.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
            return Optional.empty();
        }
        return Optional.of(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** The stream of a change table, from the schema metadata GetTable gave it; empty for a table's own schema. */
    public static Optional<String> streamArn(Map<String, String> schemaMetadata)
    {
        return schemaMetadata == null ? Optional.empty() : Optional.ofNullable(schemaMetadata.get(STREAM_ARN));
    }

    /** The same columns, reading {@code streamArn}: kept apart from the columns, which are cached while a stream may be replaced. */
    public static Schema withStream(Schema changes, String streamArn)
    {
        Map<String, String> metadata = new HashMap<>(changes.getCustomMetadata());
        metadata.put(STREAM_ARN, streamArn);
        return new Schema(changes.getFields(), metadata);
    }

    /**
     * @param rowSchema the table's inferred schema with its complex attributes as they are
     *         (complex_columns applies to the change table's columns, images included)
     */
    public static Schema of(Schema rowSchema, String tableForErrors)
    {
        TableSchemaMetadata row = TableSchemaMetadata.fromSchemaMetadata(rowSchema.getCustomMetadata(), tableForErrors);
        List<Field> image = new ArrayList<>();
        Map<String, Field> byAttribute = new HashMap<>();
        for (Field field : rowSchema.getFields()) {
            // A column flattened out of a map, or one that attributes differing by case clash on, is no attribute of the image.
            if (row.isNested(field.getName()) || row.clashes().containsKey(field.getName().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String attribute = row.attributeFor(field.getName());
            Field named = new Field(attribute, field.getFieldType(), field.getChildren());
            image.add(named);
            byAttribute.put(attribute, named);
        }
        List<Field> fields = new ArrayList<>();
        Map<String, String> attributes = new HashMap<>();
        for (String column : List.of(ChangeRow.EVENT_ID, ChangeRow.EVENT_NAME)) {
            fields.add(text(column));
        }
        fields.add(new Field(ChangeRow.EVENT_TIME, FieldType.nullable(new ArrowType.Date(DateUnit.MILLISECOND)), null));
        fields.add(text(ChangeRow.SEQUENCE_NUMBER));
        fields.add(text(ChangeRow.SHARD_ID));
        TableDescription table = row.table();
        KeySchema keys = table.keySchema();
        for (String key : keys.names()) {
            if (EVENT_COLUMNS.contains(key.toLowerCase(Locale.ROOT))) {
                throw ConnectorException.invalidInput("The change table of '" + table.name() + "' cannot have its key attribute '" + key
                        + "' as a column: a change table's own column has that name");
            }
            Field field = byAttribute.get(key);
            fields.add(field != null ? new Field(key.toLowerCase(Locale.ROOT), field.getFieldType(), field.getChildren()) : text(key));
            attributes.put(key.toLowerCase(Locale.ROOT), key);
        }
        fields.add(new Field(ChangeRow.NEW_IMAGE, FieldType.nullable(ArrowType.Struct.INSTANCE), image));
        fields.add(new Field(ChangeRow.OLD_IMAGE, FieldType.nullable(ArrowType.Struct.INSTANCE), image));
        fields.forEach(f -> attributes.putIfAbsent(f.getName(), f.getName()));
        return new Schema(fields, new TableSchemaMetadata(table, attributes).toSchemaMetadata());
    }

    private static Field text(String name)
    {
        return new Field(name.toLowerCase(Locale.ROOT), FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
    }
}
