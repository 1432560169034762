package io.github.athenaddb.ddb.glue;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.schema.ComplexColumns;
import io.github.athenaddb.ddb.table.EntityFilter;
import io.github.athenaddb.ddb.schema.GlueTypes;
import io.github.athenaddb.ddb.types.DateTimeFormats;
import org.apache.arrow.vector.types.pojo.Field;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Glue table read as this connector's table definition. Table properties:
 * <ul>
 * <li>{@code sourceTable}: the DynamoDB table; without it, the table its StorageDescriptor location
 *     names when that is a DynamoDB table ARN (as Glue's crawler writes it), else the Glue table's
 *     name, ignoring case;</li>
 * <li>{@code columnMapping}: {@code column=Attribute,...}, for case and names Athena cannot use;</li>
 * <li>{@code datetimeFormatMapping}: {@code column=pattern,...}, a DateTimeFormatter pattern or
 *     {@code epoch_seconds}/{@code epoch_millis}, for date and timestamp columns;</li>
 * <li>{@code defaultTimeZone}: the zone those values are read in (default UTC);</li>
 * <li>{@code complexColumns}: {@code native}, {@code json} or {@code flatten}, for inferred columns (see {@link ComplexColumns});</li>
 * <li>{@code entityType} ({@code Attribute=value}) and {@code entityKeyPrefix}
 *     ({@code Attribute=prefix}): make the table an entity view of a single-table design.</li>
 * </ul>
 * Columns are the Glue table's (its partition keys too, as the official connector reads them);
 * a view without columns gets them inferred from its own items.
 */
public record TableOverride(String database, String name, Optional<String> sourceTable, List<Field> columns,
                            Map<String, String> columnMapping, Optional<EntityFilter> entity, Optional<ComplexColumns> complexColumns)
{
    public static final String SOURCE_TABLE = "sourceTable";
    public static final String COLUMN_MAPPING = "columnMapping";
    public static final String DATETIME_FORMAT_MAPPING = "datetimeFormatMapping";
    public static final String DEFAULT_TIME_ZONE = "defaultTimeZone";
    public static final String ENTITY_TYPE = "entityType";
    public static final String ENTITY_KEY_PREFIX = "entityKeyPrefix";
    /**
     * A DynamoDB table ARN: arn:PARTITION:dynamodb:REGION:ACCOUNT:table/NAME, perhaps followed by
     * /stream/... or /index/.... Only the name is used: the table is read in the connector's own
     * account and region, as the official connector does.
     */
    private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]*:[0-9]*:table/([^/]+)(/.*)?");

    public TableOverride
    {
        columns = List.copyOf(columns);
        columnMapping = Map.copyOf(columnMapping);
    }

    /** @throws ConnectorException naming the database, table, column or property at fault */
    public static TableOverride parse(String database, Table table)
    {
        String where = "Glue database '" + database + "', table '" + table.name() + "'";
        Map<String, String> parameters = table.parameters() == null ? Map.of() : caseInsensitive(table.parameters());
        Map<String, String> mapping = pairs(parameters.get(COLUMN_MAPPING.toLowerCase(Locale.ROOT)), where, COLUMN_MAPPING);
        Map<String, String> formats = pairs(parameters.get(DATETIME_FORMAT_MAPPING.toLowerCase(Locale.ROOT)), where, DATETIME_FORMAT_MAPPING);
        String zone = Optional.ofNullable(parameters.get(DEFAULT_TIME_ZONE.toLowerCase(Locale.ROOT))).map(String::trim)
                .orElse(DateTimeFormats.DEFAULT_TIME_ZONE);
        try {
            ZoneId.of(zone);
        }
        catch (DateTimeException e) {
            throw ConnectorException.invalidInput(where + ": " + DEFAULT_TIME_ZONE + " '" + zone + "' is not a time zone (e.g. UTC, Europe/Berlin)");
        }
        List<Field> fields = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        if (table.storageDescriptor() != null && table.storageDescriptor().columns() != null) {
            columns.addAll(table.storageDescriptor().columns());
        }
        if (table.partitionKeys() != null) {
            columns.addAll(table.partitionKeys());
        }
        for (Column column : columns) {
            String name = column.name().toLowerCase(Locale.ROOT);
            Field field;
            try {
                field = GlueTypes.toField(name, column.type());
            }
            catch (IllegalArgumentException e) {
                throw ConnectorException.invalidInput(where + ", column '" + column.name() + "': " + e.getMessage());
            }
            fields.add(withFormat(field, formats.get(name), zone, where));
        }
        formats.keySet().forEach(c -> {
            if (fields.stream().noneMatch(f -> f.getName().equals(c))) {
                throw ConnectorException.invalidInput(where + ": " + DATETIME_FORMAT_MAPPING + " names column '" + c
                        + "', which the table does not declare");
            }
        });
        Optional<EntityFilter.Condition> equality = condition(parameters.get(ENTITY_TYPE.toLowerCase(Locale.ROOT)), where, ENTITY_TYPE);
        Optional<EntityFilter.Condition> prefix = condition(parameters.get(ENTITY_KEY_PREFIX.toLowerCase(Locale.ROOT)), where, ENTITY_KEY_PREFIX);
        Optional<EntityFilter> entity = equality.isEmpty() && prefix.isEmpty() ? Optional.empty() : Optional.of(new EntityFilter(equality, prefix));
        Optional<String> source = Optional.ofNullable(parameters.get(SOURCE_TABLE.toLowerCase(Locale.ROOT))).map(String::trim).filter(s -> !s.isEmpty())
                .or(() -> tableInLocation(table));
        Optional<ComplexColumns> complex;
        try {
            complex = Optional.ofNullable(parameters.get(ComplexColumns.TABLE_PROPERTY.toLowerCase(Locale.ROOT)))
                    .map(v -> ComplexColumns.parse(v, where + ": " + ComplexColumns.TABLE_PROPERTY, ComplexColumns.DEFAULT_DEPTH_FOR_TABLES));
        }
        catch (IllegalArgumentException e) {
            throw ConnectorException.invalidInput(e.getMessage());
        }
        return new TableOverride(database, table.name().toLowerCase(Locale.ROOT), source, fields, mapping, entity, complex);
    }

    /** The table a DynamoDB table ARN in the StorageDescriptor's location names. */
    private static Optional<String> tableInLocation(Table table)
    {
        String location = table.storageDescriptor() == null ? null : table.storageDescriptor().location();
        if (location == null) {
            return Optional.empty();
        }
        Matcher arn = TABLE_ARN.matcher(location.trim());
        return arn.matches() ? Optional.of(arn.group(1)) : Optional.empty();
    }

    /** The DynamoDB table to read: sourceTable (or the location's ARN), else the Glue table's own name. */
    public String source()
    {
        return sourceTable.orElse(name);
    }

    private static Field withFormat(Field field, String format, String zone, String where)
    {
        try {
            return DateTimeFormats.withFormat(field, format, zone);
        }
        catch (IllegalArgumentException e) {
            throw ConnectorException.invalidInput(where + ", column '" + field.getName() + "': " + e.getMessage());
        }
    }

    /** {@code a=b,c=d}; a key is a column (lower-cased), a value is kept as written. */
    private static Map<String, String> pairs(String text, String where, String property)
    {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw ConnectorException.invalidInput(where + ": " + property + " entry '" + pair.trim()
                        + "' is not column=value (the property is a comma-separated list of such entries)");
            }
            pairs.put(pair.substring(0, eq).trim().toLowerCase(Locale.ROOT), pair.substring(eq + 1).trim());
        }
        return pairs;
    }

    private static Optional<EntityFilter.Condition> condition(String text, String where, String property)
    {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw ConnectorException.invalidInput(where + ": " + property + " '" + text + "' is not Attribute=value (e.g. Type=Order)");
        }
        return Optional.of(new EntityFilter.Condition(text.substring(0, eq).trim(), text.substring(eq + 1).trim()));
    }

    private static Map<String, String> caseInsensitive(Map<String, String> parameters)
    {
        Map<String, String> lower = new HashMap<>();
        parameters.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return lower;
    }
}
