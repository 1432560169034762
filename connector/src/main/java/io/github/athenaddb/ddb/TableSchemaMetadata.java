package io.github.athenaddb.ddb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.github.athenaddb.ConnectorException;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The table facts that travel with the schema Athena hands back on every later call of a query
 * (GetTableLayout, ReadRecords): the DynamoDB table, and the attribute behind each column.
 * Athena lower-cases column names; DynamoDB attribute names are case-sensitive, so the record
 * reader resolves {@code customerid} back to {@code CustomerId} through this map.
 */
public record TableSchemaMetadata(TableDescription table, Map<String, String> attributesByColumn)
{
    static final String TABLE_KEY = "ddb.table";
    static final String ATTRIBUTES_KEY = "ddb.attributes";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

    public TableSchemaMetadata
    {
        requireNonNull(table, "table is null");
        attributesByColumn = Map.copyOf(attributesByColumn);
    }

    public static TableSchemaMetadata of(TableDescription table, Iterable<String> attributeNames)
    {
        Map<String, String> byColumn = new HashMap<>();
        for (String attribute : attributeNames) {
            byColumn.put(attribute.toLowerCase(Locale.ROOT), attribute);
        }
        return new TableSchemaMetadata(table, byColumn);
    }

    /** The DynamoDB attribute name for a column name as Athena sends it (any case). */
    public String attributeFor(String column)
    {
        String exact = attributesByColumn.get(column.toLowerCase(Locale.ROOT));
        return exact != null ? exact : column;
    }

    public Map<String, String> toSchemaMetadata()
    {
        try {
            return Map.of(TABLE_KEY, JSON.writeValueAsString(table), ATTRIBUTES_KEY, JSON.writeValueAsString(attributesByColumn));
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
            return new TableSchemaMetadata(
                    JSON.readValue(table, TableDescription.class),
                    JSON.readValue(Optional.ofNullable(metadata.get(ATTRIBUTES_KEY)).orElse("{}"), new TypeReference<Map<String, String>>() {}));
        }
        catch (JsonProcessingException e) {
            throw ConnectorException.invalidInput("The connector metadata in the schema of table '" + tableForErrors + "' is not valid: " + e.getOriginalMessage());
        }
    }
}
