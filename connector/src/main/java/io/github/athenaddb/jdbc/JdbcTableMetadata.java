package io.github.athenaddb.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.ConnectorException;

import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** The exact schema, table and column names behind Athena's lower-cased ones, carried in the table schema's metadata. */
public record JdbcTableMetadata(String schema, String table, Map<String, String> columns, Map<String, Map<String, String>> columnMetadata)
{
    static final String SCHEMA_KEY = "jdbc.schema";
    static final String TABLE_KEY = "jdbc.table";
    static final String COLUMNS_KEY = "jdbc.columns";
    static final String COLUMN_METADATA_KEY = "jdbc.columnMetadata";
    private static final ObjectMapper JSON = new ObjectMapper();

    public JdbcTableMetadata
    {
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        columns = Map.copyOf(columns);
        columnMetadata = Map.copyOf(columnMetadata);
    }

    /** A column with the field metadata GetTable gave it (how to read it): Athena may not send a field's metadata back. */
    public Field withColumnMetadata(Field field)
    {
        Map<String, String> extra = columnMetadata.get(field.getName().toLowerCase(Locale.ROOT));
        if (extra == null || extra.isEmpty()) {
            return field;
        }
        Map<String, String> merged = new HashMap<>(extra);
        if (field.getMetadata() != null) {
            merged.putAll(field.getMetadata());
        }
        return new Field(field.getName(), new FieldType(field.isNullable(), field.getType(), field.getDictionary(), merged), field.getChildren());
    }

    public String column(String athenaName)
    {
        return columns.getOrDefault(athenaName.toLowerCase(Locale.ROOT), athenaName);
    }

    public Map<String, String> toSchemaMetadata()
    {
        try {
            return Map.of(SCHEMA_KEY, schema, TABLE_KEY, table, COLUMNS_KEY, JSON.writeValueAsString(columns),
                    COLUMN_METADATA_KEY, JSON.writeValueAsString(columnMetadata));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JdbcTableMetadata from(Map<String, String> metadata, String tableForErrors)
    {
        if (metadata == null || metadata.get(SCHEMA_KEY) == null || metadata.get(TABLE_KEY) == null) {
            throw ConnectorException.invalidInput("The schema sent for table '" + tableForErrors
                    + "' lacks the connector's metadata; send the schema returned by GetTable unchanged.");
        }
        try {
            return new JdbcTableMetadata(metadata.get(SCHEMA_KEY), metadata.get(TABLE_KEY),
                    JSON.readValue(metadata.getOrDefault(COLUMNS_KEY, "{}"), new TypeReference<Map<String, String>>() {}),
                    JSON.readValue(metadata.getOrDefault(COLUMN_METADATA_KEY, "{}"), new TypeReference<Map<String, Map<String, String>>>() {}));
        }
        catch (JsonProcessingException e) {
            throw ConnectorException.invalidInput("The connector metadata of table '" + tableForErrors + "' is not valid: " + e.getOriginalMessage());
        }
    }
}
