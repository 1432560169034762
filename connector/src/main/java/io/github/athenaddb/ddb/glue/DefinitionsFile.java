package io.github.athenaddb.ddb.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table definitions from a local JSON file in the shape of Glue's API (the same names as
 * {@code aws glue get-tables} prints: Parameters, StorageDescriptor's Columns, Location and
 * Parameters, PartitionKeys), so that overrides and views can be tried on a laptop and then
 * created in Glue unchanged:
 * <pre>{"Databases": [{"Name": "shop", "Tables": [{"Name": "orders",
 *     "Parameters": {"sourceTable": "Ecommerce", "entityType": "Type=Order"},
 *     "StorageDescriptor": {"Columns": [{"Name": "orderid", "Type": "string"}]}}]}]}</pre>
 * Every database in the file is taken as marked for the connector.
 */
public final class DefinitionsFile
        implements CatalogSource
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<Table>> tables;

    private DefinitionsFile(Map<String, List<Table>> tables)
    {
        this.tables = tables;
    }

    public static DefinitionsFile read(Path file)
    {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        }
        catch (IOException e) {
            throw new IllegalArgumentException("Cannot read table definitions " + file + ": " + e.getMessage());
        }
        Map<String, List<Table>> tables = new LinkedHashMap<>();
        for (JsonNode database : required(root, "Databases", file.toString())) {
            String name = required(database, "Name", file + ": a database").asText();
            List<Table> list = new ArrayList<>();
            for (JsonNode table : database.path("Tables")) {
                list.add(table(table, file + ": database " + name));
            }
            tables.put(name, List.copyOf(list));
        }
        return new DefinitionsFile(tables);
    }

    private static Table table(JsonNode node, String where)
    {
        String name = required(node, "Name", where + ": a table").asText();
        Map<String, String> parameters = new LinkedHashMap<>();
        node.path("Parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        JsonNode descriptor = node.path("StorageDescriptor");
        Map<String, String> descriptorParameters = new LinkedHashMap<>();
        descriptor.path("Parameters").fields().forEachRemaining(e -> descriptorParameters.put(e.getKey(), e.getValue().asText()));
        StorageDescriptor.Builder storage = StorageDescriptor.builder().columns(columns(descriptor.path("Columns"), where, name))
                .parameters(descriptorParameters);
        if (descriptor.hasNonNull("Location")) {
            storage.location(descriptor.get("Location").asText());
        }
        return Table.builder().name(name).parameters(parameters).storageDescriptor(storage.build())
                .partitionKeys(columns(node.path("PartitionKeys"), where, name)).build();
    }

    private static List<Column> columns(JsonNode list, String where, String table)
    {
        List<Column> columns = new ArrayList<>();
        for (JsonNode column : list) {
            columns.add(Column.builder()
                    .name(required(column, "Name", where + ", table " + table + ": a column").asText())
                    .type(required(column, "Type", where + ", table " + table + ", column " + column.path("Name").asText()).asText())
                    .build());
        }
        return columns;
    }

    private static JsonNode required(JsonNode node, String field, String where)
    {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Table definitions: " + where + " has no \"" + field + "\"");
        }
        return value;
    }

    @Override
    public List<String> databases()
    {
        return List.copyOf(tables.keySet());
    }

    @Override
    public List<Table> tables(String database)
    {
        return tables.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(database)).findFirst()
                .map(Map.Entry::getValue).orElse(List.of());
    }
}
