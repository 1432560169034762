package io.github.athenaddb.ddb.glue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where table definitions (schema overrides and entity views) come from: the Glue Data Catalog
 * (the default in Lambda, or wherever {@code glue_endpoint} is set), a local file of Glue-shaped
 * definitions ({@code glue_definitions_file}), or nowhere ({@code disable_glue=true}).
 * {@code disable_glue} and {@code glue_catalog} (the catalog's account id) mean what they mean for
 * the official connector.
 */
public record GlueConfig(Mode mode, Optional<URI> endpoint, Optional<String> catalogId, Optional<Path> definitionsFile)
{
    public static final String DISABLE_GLUE = "disable_glue";
    /** The official connector's name for the account id of the Glue Data Catalog to read (cross-account catalogs). */
    public static final String GLUE_CATALOG = "glue_catalog";
    public static final String GLUE_ENDPOINT = "glue_endpoint";
    public static final String GLUE_DEFINITIONS_FILE = "glue_definitions_file";
    /** This connector's earlier name for {@link #GLUE_CATALOG}: refused with the new name rather than silently ignored. */
    private static final String RENAMED_CATALOG_ID = "glue_catalog_id";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Logger log = LoggerFactory.getLogger(GlueConfig.class);

    public enum Mode { OFF, API, FILE }

    public static GlueConfig fromMap(Map<String, String> env)
    {
        Optional<Path> file = nonBlank(env.get(GLUE_DEFINITIONS_FILE)).map(Path::of);
        Optional<URI> endpoint = nonBlank(env.get(GLUE_ENDPOINT)).map(GlueConfig::endpoint);
        nonBlank(env.get(RENAMED_CATALOG_ID)).ifPresent(v -> {
            throw new IllegalArgumentException("Invalid configuration " + RENAMED_CATALOG_ID + "='" + v + "': renamed " + GLUE_CATALOG
                    + ", as the official connector names it");
        });
        Optional<Boolean> disabled = nonBlank(env.get(DISABLE_GLUE)).map(v -> trueOrFalse(DISABLE_GLUE, v));
        Optional<String> catalog = nonBlank(env.get(GLUE_CATALOG));
        Optional<String> catalogId = catalog.filter(v -> ACCOUNT_ID.matcher(v).matches());
        if (catalog.isPresent() && catalogId.isEmpty()) {
            disabled = Optional.of(!legacyOnOff(catalog.get(), disabled));
        }
        if (file.isPresent()) {
            if (!Files.isRegularFile(file.get())) {
                throw new IllegalArgumentException("Invalid configuration " + GLUE_DEFINITIONS_FILE + "='" + file.get() + "': no such file");
            }
            return new GlueConfig(Mode.FILE, endpoint, catalogId, file);
        }
        // Off the Lambda runtime, with no endpoint, there is usually no Glue to ask: do not try unless told to.
        boolean inLambda = nonBlank(env.get("AWS_LAMBDA_FUNCTION_NAME")).isPresent();
        boolean on = disabled.map(d -> !d).orElse(inLambda || endpoint.isPresent());
        return new GlueConfig(on ? Mode.API : Mode.OFF, endpoint, catalogId, Optional.empty());
    }

    /**
     * {@code glue_catalog=true|false} is how this connector used to turn Glue on and off, before it took the official
     * connector's meaning (an account id). Still read, so that a deployed function keeps starting, with a warning.
     */
    private static boolean legacyOnOff(String value, Optional<Boolean> disabled)
    {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Invalid configuration " + GLUE_CATALOG + "='" + value + "': expected the account id (12 digits) "
                    + "of the Glue Data Catalog to read; to turn Glue off, set " + DISABLE_GLUE + "=true");
        }
        boolean on = Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
        if (disabled.isPresent() && disabled.get() == on) {
            throw new IllegalArgumentException("Invalid configuration " + GLUE_CATALOG + "='" + value + "': it contradicts " + DISABLE_GLUE + "="
                    + disabled.get() + "; set only " + DISABLE_GLUE);
        }
        log.warn("{}={} is read as {}={}: {} is now the account id of the Glue Data Catalog, as for the official connector", GLUE_CATALOG, value,
                DISABLE_GLUE, !on, GLUE_CATALOG);
        return on;
    }

    private static boolean trueOrFalse(String name, String value)
    {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Invalid configuration " + name + "='" + value + "': expected true or false");
        }
        return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
    }

    private static URI endpoint(String value)
    {
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() != null && uri.getHost() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return uri;
            }
        }
        catch (URISyntaxException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid configuration " + GLUE_ENDPOINT + "='" + value + "': expected an http(s) URL");
    }

    private static Optional<String> nonBlank(String value)
    {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
