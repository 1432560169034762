package io.github.athenaddb.ddb.schema.store;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.ddb.schema.ComplexColumns;
import io.github.athenaddb.ddb.schema.SampleSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The key of a shared schema entry: a SHA-256 digest of everything that decides the inferred
 * columns, so that an entry is only ever read back by a process that would infer the same schema
 * from the same sample. What decides them: where the table is (the function, region, endpoint,
 * the role DynamoDB is read as), the table (and which view of it: schema and name), the sample
 * settings, complex_columns, the Glue catalog read, and the Glue definition when one overrides or
 * views the table. A digest, so that no setting is written down in a file or object name.
 */
public final class SchemaCacheKey
{
    /** Bump when the stored schema's metadata changes meaning. */
    private static final String VERSION = "1";
    static final List<String> SETTINGS = List.of(
            "AWS_LAMBDA_FUNCTION_NAME", ConnectorConfig.REGION, ConnectorConfig.DYNAMODB_ENDPOINT, ConnectorConfig.CROSS_ACCOUNT_ROLE_ARN,
            ConnectorConfig.SAMPLE_SIZE, SampleSettings.SEGMENTS_SETTING, SampleSettings.MAX_KB_SETTING,
            ComplexColumns.SETTING, ComplexColumns.DEPTH_SETTING,
            GlueConfig.DISABLE_GLUE, GlueConfig.GLUE_CATALOG, GlueConfig.GLUE_ENDPOINT, GlueConfig.GLUE_DEFINITIONS_FILE);

    private final String source;

    private SchemaCacheKey(String source)
    {
        this.source = requireNonNull(source, "source is null");
    }

    public static SchemaCacheKey fromConfig(Map<String, String> env)
    {
        StringBuilder source = new StringBuilder("v").append(VERSION).append('\n');
        for (String name : SETTINGS) {
            String value = env.get(name);
            source.append(name).append('=').append(value == null ? "" : value.trim()).append('\n');
        }
        return new SchemaCacheKey(source.toString());
    }

    /**
     * @param table the table's entry in the instance's own cache (schema and table, e.g. default.Orders)
     * @param definition the Glue table that defines it (its full description), or empty for an inferred table
     */
    public String of(String table, String definition)
    {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(source.getBytes(StandardCharsets.UTF_8));
            digest.update(("table=" + table + "\ndefinition=" + definition.length() + ":" + definition).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
