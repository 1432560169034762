package io.github.athenaddb.ddb.glue;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where table definitions (schema overrides and entity views) come from: the Glue Data Catalog
 * (the default in Lambda, or wherever {@code glue_endpoint} is set), a local file of Glue-shaped
 * definitions ({@code glue_definitions_file}), or nowhere ({@code glue_catalog=false}).
 */
public record GlueConfig(Mode mode, Optional<URI> endpoint, Optional<String> catalogId, Optional<Path> definitionsFile)
{
    public static final String GLUE_CATALOG = "glue_catalog";
    public static final String GLUE_ENDPOINT = "glue_endpoint";
    public static final String GLUE_CATALOG_ID = "glue_catalog_id";
    public static final String GLUE_DEFINITIONS_FILE = "glue_definitions_file";

    public enum Mode { OFF, API, FILE }

    public static GlueConfig fromMap(Map<String, String> env)
    {
        Optional<Path> file = nonBlank(env.get(GLUE_DEFINITIONS_FILE)).map(Path::of);
        Optional<URI> endpoint = nonBlank(env.get(GLUE_ENDPOINT)).map(GlueConfig::endpoint);
        Optional<String> catalogId = nonBlank(env.get(GLUE_CATALOG_ID));
        Optional<String> enabled = nonBlank(env.get(GLUE_CATALOG)).map(String::trim);
        if (enabled.isPresent() && !enabled.get().equals("true") && !enabled.get().equals("false")) {
            throw new IllegalArgumentException("Invalid configuration " + GLUE_CATALOG + "='" + enabled.get() + "': expected true or false");
        }
        if (file.isPresent()) {
            if (!Files.isRegularFile(file.get())) {
                throw new IllegalArgumentException("Invalid configuration " + GLUE_DEFINITIONS_FILE + "='" + file.get() + "': no such file");
            }
            return new GlueConfig(Mode.FILE, endpoint, catalogId, file);
        }
        // Off the Lambda runtime, with no endpoint, there is usually no Glue to ask: do not try unless told to.
        boolean inLambda = nonBlank(env.get("AWS_LAMBDA_FUNCTION_NAME")).isPresent();
        boolean on = enabled.map(Boolean::parseBoolean).orElse(inLambda || endpoint.isPresent());
        return new GlueConfig(on ? Mode.API : Mode.OFF, endpoint, catalogId, Optional.empty());
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
