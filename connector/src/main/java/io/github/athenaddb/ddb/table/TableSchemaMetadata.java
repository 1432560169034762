package io.github.athenaddb.ddb.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.github.athenaddb.ConnectorException;

import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The table facts that travel with the schema Athena hands back on every later call of a query
 * (GetTableLayout, ReadRecords): the DynamoDB table, and the attribute behind each column.
 * Athena lower-cases column names; DynamoDB attribute names are case-sensitive, so the record
 * reader resolves {@code customerid} back to {@code CustomerId} through this map. A column that
 * several attributes differing only by case fall on is in {@code clashes}, and cannot be read
 * (see {@link CaseClashes}).
 */
public record TableSchemaMetadata(TableDescription table, Map<String, String> attributesByColumn, Optional<EntityFilter> entity,
                                  Map<String, Map<String, String>> columnMetadata, Map<String, List<String>> clashes)
{
    /** Field metadata of a column flattened out of a map attribute: the path of its value in the item. */
    public static final String PATH_METADATA = "ddb.path";
    static final String TABLE_KEY = "ddb.table";
    static final String ATTRIBUTES_KEY = "ddb.attributes";
    static final String ENTITY_KEY = "ddb.entity";
    static final String COLUMN_METADATA_KEY = "ddb.columnMetadata";
    static final String CLASHES_KEY = "ddb.clashes";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

    public TableSchemaMetadata
    {
        requireNonNull(table, "table is null");
        attributesByColumn = Map.copyOf(attributesByColumn);
        requireNonNull(entity, "entity is null");
        columnMetadata = Map.copyOf(columnMetadata);
        clashes = Map.copyOf(clashes);
    }

    public TableSchemaMetadata(TableDescription table, Map<String, String> attributesByColumn)
    {
        this(table, attributesByColumn, Optional.empty(), Map.of(), Map.of());
    }

    /** A column flattened out of a map attribute: its constraints are not on the attribute itself. */
    public boolean isNested(String column)
    {
        Map<String, String> extra = columnMetadata.get(column.toLowerCase(Locale.ROOT));
        return extra != null && extra.containsKey(PATH_METADATA);
    }

    /**
     * A column with the field metadata it was declared with (date-time formats): Athena may not
     * send a field's own metadata back in later calls, the schema's is kept.
     */
    public Field withColumnMetadata(Field field)
    {
        Map<String, String> extra = columnMetadata.get(field.getName().toLowerCase(Locale.ROOT));
        if (extra == null) {
            return field;
        }
        Map<String, String> merged = new HashMap<>(extra);
        if (field.getMetadata() != null) {
            merged.putAll(field.getMetadata());
        }
        return new Field(field.getName(), new FieldType(field.isNullable(), field.getType(), field.getDictionary(), merged), field.getChildren());
    }

    public static TableSchemaMetadata of(TableDescription table, Iterable<String> attributeNames)
    {
        Map<String, String> byColumn = new HashMap<>();
        for (String attribute : attributeNames) {
            byColumn.put(attribute.toLowerCase(Locale.ROOT), attribute);
        }
        return new TableSchemaMetadata(table, byColumn);
    }

    /**
     * The DynamoDB attribute name for a column name as Athena sends it (any case).
     *
     * @throws ConnectorException for a column that attributes differing only by case clash on:
     *     every read, filter or sort of a column comes here first
     */
    public String attributeFor(String column)
    {
        List<String> clash = clashes.get(column.toLowerCase(Locale.ROOT));
        if (clash != null) {
            throw CaseClashes.error(table.name(), column.toLowerCase(Locale.ROOT), clash);
        }
        String exact = attributesByColumn.get(column.toLowerCase(Locale.ROOT));
        return exact != null ? exact : column;
    }

    public Map<String, String> toSchemaMetadata()
    {
        try {
            Map<String, String> metadata = new HashMap<>();
            metadata.put(TABLE_KEY, JSON.writeValueAsString(table));
            metadata.put(ATTRIBUTES_KEY, JSON.writeValueAsString(attributesByColumn));
            if (entity.isPresent()) {
                metadata.put(ENTITY_KEY, JSON.writeValueAsString(entity.get()));
            }
            if (!columnMetadata.isEmpty()) {
                metadata.put(COLUMN_METADATA_KEY, JSON.writeValueAsString(columnMetadata));
            }
            if (!clashes.isEmpty()) {
                metadata.put(CLASHES_KEY, JSON.writeValueAsString(clashes));
            }
            return Map.copyOf(metadata);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize table metadata", e);
        }
    }

    public static TableSchemaMetadata fromSchemaMetadata(Map<String, String> metadata, String tableForErrors)
    {
        String table = metadata == null ? null : metadata.get(TABLE_KEY);
        if (table == null) {
            throw ConnectorException.invalidInput("The schema sent for table '" + tableForErrors
                    + "' lacks the connector's metadata (" + TABLE_KEY + "); send the schema returned by GetTable unchanged.");
        }
        try {
            String entity = metadata.get(ENTITY_KEY);
            return new TableSchemaMetadata(
                    JSON.readValue(table, TableDescription.class),
                    JSON.readValue(Optional.ofNullable(metadata.get(ATTRIBUTES_KEY)).orElse("{}"), new TypeReference<Map<String, String>>() {}),
                    entity == null ? Optional.empty() : Optional.of(JSON.readValue(entity, EntityFilter.class)),
                    JSON.readValue(Optional.ofNullable(metadata.get(COLUMN_METADATA_KEY)).orElse("{}"),
                            new TypeReference<Map<String, Map<String, String>>>() {}),
                    JSON.readValue(Optional.ofNullable(metadata.get(CLASHES_KEY)).orElse("{}"), new TypeReference<Map<String, List<String>>>() {}));
        }
        catch (JsonProcessingException e) {
            throw ConnectorException.invalidInput("The connector metadata in the schema of table '" + tableForErrors + "' is not valid: " + e.getOriginalMessage());
        }
    }
}
