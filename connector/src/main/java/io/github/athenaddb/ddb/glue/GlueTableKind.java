package io.github.athenaddb.ddb.glue;

import io.github.athenaddb.ddb.schema.ComplexColumns;
import software.amazon.awssdk.services.glue.model.Table;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether a Glue table in a database marked for the connector describes a DynamoDB table, and
 * why not when it does not. A marked database may also hold other tables (an S3 table beside a
 * crawler's DynamoDB ones): those are left out of the schema rather than read as DynamoDB tables.
 * <p>
 * The official connector takes a table whose {@code classification} is {@code dynamodb} (a table
 * parameter, or a StorageDescriptor parameter, as Glue's DynamoDB crawler writes both), or whose
 * StorageDescriptor location contains {@code dynamodb} (the crawler writes the table's ARN). Here,
 * in this order:
 * <ol>
 * <li>a classification decides: {@code dynamodb} (any case) is ours, any other ({@code parquet},
 *     {@code csv}) is not, whatever else the table says;</li>
 * <li>a table property of this connector ({@code sourceTable}, {@code columnMapping},
 *     {@code entityType}, ...) makes it ours;</li>
 * <li>a location decides: one containing {@code dynamodb} is ours, any other ({@code s3://...})
 *     is not;</li>
 * <li>a table with none of these (columns only, as this connector's own definitions are often
 *     written) is ours.</li>
 * </ol>
 */
public record GlueTableKind(boolean dynamoDb, String reason)
{
    static final String CLASSIFICATION = "classification";
    static final String DYNAMODB = "dynamodb";
    private static final Set<String> OUR_PROPERTIES = Stream.of(TableOverride.SOURCE_TABLE, TableOverride.COLUMN_MAPPING,
            TableOverride.DATETIME_FORMAT_MAPPING, TableOverride.DEFAULT_TIME_ZONE, TableOverride.ENTITY_TYPE,
            TableOverride.ENTITY_KEY_PREFIX, ComplexColumns.TABLE_PROPERTY)
            .map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    public static GlueTableKind of(Table table)
    {
        Optional<String> classification = classification(table);
        if (classification.isPresent()) {
            return classification.get().equalsIgnoreCase(DYNAMODB)
                    ? new GlueTableKind(true, "classification " + DYNAMODB)
                    : new GlueTableKind(false, "its classification is '" + classification.get() + "', not '" + DYNAMODB + "'");
        }
        Optional<String> property = ownProperty(table.parameters());
        if (property.isPresent()) {
            return new GlueTableKind(true, "table property " + property.get());
        }
        String location = table.storageDescriptor() == null ? null : table.storageDescriptor().location();
        if (location != null && !location.isBlank()) {
            return location.toLowerCase(Locale.ROOT).contains(DYNAMODB)
                    ? new GlueTableKind(true, "location " + location)
                    : new GlueTableKind(false, "its location '" + location + "' is not a DynamoDB table and it has no classification '"
                            + DYNAMODB + "' nor a property of this connector");
        }
        return new GlueTableKind(true, "a definition for this connector");
    }

    private static Optional<String> classification(Table table)
    {
        Optional<String> own = parameter(table.parameters(), CLASSIFICATION);
        if (own.isPresent() || table.storageDescriptor() == null) {
            return own;
        }
        return parameter(table.storageDescriptor().parameters(), CLASSIFICATION);
    }

    private static Optional<String> parameter(Map<String, String> parameters, String name)
    {
        if (parameters == null) {
            return Optional.empty();
        }
        return parameters.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getValue().trim()).findFirst();
    }

    private static Optional<String> ownProperty(Map<String, String> parameters)
    {
        if (parameters == null) {
            return Optional.empty();
        }
        return parameters.keySet().stream().filter(k -> OUR_PROPERTIES.contains(k.toLowerCase(Locale.ROOT))).sorted().findFirst();
    }
}
