package io.github.athenaddb.ddb.export;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings {@code export_location_<table>} = an export's ARN, or the s3:// folder of its
 * manifests: the export a table's export table reads instead of the newest one ListExports finds.
 * A Lambda environment variable's name holds only letters, digits and '_', so a table name is
 * matched ignoring case with every other character written as '_'. A Glue table defining the table's
 * columns may name its export with the table property {@value #GLUE_PROPERTY} instead.
 */
public final class ExportSettings
{
    public static final String PREFIX = "export_location_";
    /** The same, as a property of a Glue table (in a database marked for the connector): it wins over the setting. */
    public static final String GLUE_PROPERTY = "export_location";
    public static final ExportSettings NONE = new ExportSettings(Map.of());

    private final Map<String, String> byTable;

    private ExportSettings(Map<String, String> byTable)
    {
        this.byTable = Map.copyOf(byTable);
    }

    /** @throws IllegalArgumentException for a value that is neither an ARN nor an s3:// URI, naming the setting */
    public static ExportSettings fromConfig(Map<String, String> config)
    {
        Map<String, String> byTable = new HashMap<>();
        config.forEach((name, value) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith(PREFIX) && value != null && !value.isBlank()) {
                check(name, value);
                byTable.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT), value.trim());
            }
        });
        return new ExportSettings(byTable);
    }

    /**
     * A setting's or a Glue table property's value: an export ARN, or the s3:// folder of its manifests.
     *
     * @throws IllegalArgumentException naming {@code name} otherwise
     */
    public static void check(String name, String value)
    {
        String location = value.trim();
        if (!location.startsWith("arn:") && !location.startsWith("s3://")) {
            throw new IllegalArgumentException("Invalid configuration " + name + "='" + value + "': expected an export ARN "
                    + "(arn:aws:dynamodb:...:table/<table>/export/<id>) or the s3:// folder of its manifests "
                    + "(s3://bucket/<prefix>/AWSDynamoDB/<id>/)");
        }
        if (location.startsWith("s3://")) {
            ExportLocation.ofUri(location, name);
        }
    }

    /** The setting's value for a DynamoDB table, with the setting's name. */
    public Optional<Map.Entry<String, String>> forTable(String table)
    {
        String key = table.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return Optional.ofNullable(byTable.get(key)).map(v -> Map.entry(PREFIX + key, v));
    }
}
