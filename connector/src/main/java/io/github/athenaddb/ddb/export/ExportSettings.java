package io.github.athenaddb.ddb.export;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings {@code export_location_<table>} = an export's ARN, or the s3:// folder of its
 * manifests: the export a table's export table reads instead of the newest one ListExports finds.
 * A Lambda environment variable's name holds only letters, digits and '_', so a table name is
 * matched ignoring case with every other character written as '_'.
 */
public final class ExportSettings
{
    public static final String PREFIX = "export_location_";
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
                String location = value.trim();
                if (!location.startsWith("arn:") && !location.startsWith("s3://")) {
                    throw new IllegalArgumentException("Invalid configuration " + name + "='" + value + "': expected an export ARN "
                            + "(arn:aws:dynamodb:...:table/<table>/export/<id>) or the s3:// folder of its manifests (s3://bucket/<prefix>/AWSDynamoDB/<id>/)");
                }
                if (location.startsWith("s3://")) {
                    ExportLocation.ofUri(location, name);
                }
                byTable.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT), location);
            }
        });
        return new ExportSettings(byTable);
    }

    /** The setting's value for a DynamoDB table, with the setting's name. */
    public Optional<Map.Entry<String, String>> forTable(String table)
    {
        String key = table.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return Optional.ofNullable(byTable.get(key)).map(v -> Map.entry(PREFIX + key, v));
    }
}
