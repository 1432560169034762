package io.github.athenaddb;

import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One Lambda, several sources: a request for a catalog that has a JDBC connection configured
 * goes to that catalog's handler, any other to DynamoDB's. Athena names the catalog in every
 * request ({@code "lambda:rds"} or {@code rds}).
 *
 * @param <T> the handlers routed to (metadata or records)
 */
public final class CatalogRoutes<T>
{
    private final T dynamo;
    private final Map<String, ? extends T> byCatalog;

    public CatalogRoutes(T dynamo, Map<String, ? extends T> byCatalog)
    {
        this.dynamo = requireNonNull(dynamo, "dynamo is null");
        this.byCatalog = Map.copyOf(byCatalog);
    }

    /** The handler of the catalog a request names. */
    public T route(String catalogName)
    {
        T handler = byCatalog.get(catalogKey(catalogName));
        return handler == null ? dynamo : handler;
    }

    /** The catalog as configured: without Athena's "lambda:" prefix, lower-cased. */
    public static String catalogKey(String catalogName)
    {
        String name = catalogName == null ? "" : catalogName.toLowerCase(Locale.ROOT);
        return name.startsWith("lambda:") ? name.substring("lambda:".length()) : name;
    }
}
