package io.github.athenaddb.jdbc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A relational database the Lambda serves as its own catalog, configured as
 * {@code <catalog>_connection_string=jdbc:postgresql://host:5432/shop?${rds-shop}}: the URL, where
 * each {@code ${secret-name}} is replaced by the Secrets Manager secret of that name when the
 * connection is opened, so no password sits in the function's environment.
 */
public record JdbcSource(String catalog, String connectionString)
{
    public static final String SUFFIX = "_connection_string";

    public JdbcSource
    {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(connectionString, "connectionString is null");
    }

    public SqlDialect dialect()
    {
        return SqlDialect.fromUrl(connectionString);
    }

    /** Every {@code <catalog>_connection_string} of the configuration, by lower-cased catalog. */
    public static Map<String, JdbcSource> fromConfig(Map<String, String> env)
    {
        Map<String, JdbcSource> sources = new LinkedHashMap<>();
        env.forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.endsWith(SUFFIX) && lower.length() > SUFFIX.length() && value != null && !value.isBlank()) {
                String catalog = lower.substring(0, lower.length() - SUFFIX.length());
                JdbcSource source = new JdbcSource(catalog, value.trim());
                try {
                    source.dialect();
                }
                catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Invalid configuration " + key + ": " + e.getMessage());
                }
                sources.put(catalog, source);
            }
        });
        return sources;
    }
}
