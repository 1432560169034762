package io.github.athenaddb.ddb.glue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetDatabasesRequest;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.Table;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The Glue Data Catalog, read through the Glue API (GetDatabases, GetTables) and kept for a
 * while per Lambda instance, so a query's calls do not each ask Glue again. When Glue cannot be
 * read (access denied, throttled, unreachable), the connector goes on without overrides and says
 * so in the log, with Glue's reason: the tables of schema "default" still work.
 */
public final class GlueApiCatalog
        implements CatalogSource
{
    private static final Logger log = LoggerFactory.getLogger(GlueApiCatalog.class);

    private final GlueClient glue;
    private final Optional<String> catalogId;
    private final Duration ttl;
    private final Clock clock;
    private List<String> databases;
    private Instant databasesAt = Instant.MIN;
    private final Map<String, List<Table>> tables = new HashMap<>();
    private final Map<String, Instant> tablesAt = new HashMap<>();

    public GlueApiCatalog(GlueClient glue, Optional<String> catalogId, Duration ttl, Clock clock)
    {
        this.glue = requireNonNull(glue, "glue is null");
        this.catalogId = requireNonNull(catalogId, "catalogId is null");
        this.ttl = requireNonNull(ttl, "ttl is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public synchronized List<String> databases()
    {
        Instant now = clock.instant();
        if (databases == null || !now.isBefore(databasesAt.plus(ttl))) {
            databases = readDatabases();
            databasesAt = now;
        }
        return databases;
    }

    @Override
    public synchronized List<Table> tables(String database)
    {
        Optional<String> marked = databases().stream().filter(d -> d.equalsIgnoreCase(database)).findFirst();
        if (marked.isEmpty()) {
            return List.of();
        }
        String key = marked.get();
        Instant now = clock.instant();
        if (!tables.containsKey(key) || !now.isBefore(tablesAt.get(key).plus(ttl))) {
            tables.put(key, readTables(key));
            tablesAt.put(key, now);
        }
        return tables.get(key);
    }

    private List<String> readDatabases()
    {
        try {
            List<String> names = new ArrayList<>();
            GetDatabasesRequest.Builder request = GetDatabasesRequest.builder();
            catalogId.ifPresent(request::catalogId);
            glue.getDatabasesPaginator(request.build()).stream().flatMap(page -> page.databaseList().stream()).forEach(d -> {
                if (marked(d)) {
                    names.add(d.name());
                }
            });
            return List.copyOf(names);
        }
        catch (SdkException e) {
            log.warn("Glue Data Catalog not readable ({}): going on without schema overrides and views; "
                    + "tables are in schema 'default' with inferred columns", reason(e));
            return List.of();
        }
    }

    private List<Table> readTables(String database)
    {
        try {
            List<Table> found = new ArrayList<>();
            GetTablesRequest.Builder request = GetTablesRequest.builder().databaseName(database);
            catalogId.ifPresent(request::catalogId);
            glue.getTablesPaginator(request.build()).stream().forEach(page -> found.addAll(page.tableList()));
            return List.copyOf(found);
        }
        catch (EntityNotFoundException e) {
            return List.of();
        }
        catch (SdkException e) {
            log.warn("Glue tables of database '{}' not readable ({}): the database shows no tables", database, reason(e));
            return List.of();
        }
    }

    static boolean marked(Database database)
    {
        String flag = database.parameters() == null ? null : database.parameters().get(DATABASE_FLAG);
        if (flag != null && flag.trim().equalsIgnoreCase("true")) {
            return true;
        }
        return contains(database.locationUri(), OFFICIAL_FLAG) || contains(database.description(), OFFICIAL_FLAG);
    }

    private static boolean contains(String text, String flag)
    {
        return text != null && text.toLowerCase(Locale.ROOT).contains(flag);
    }

    private static String reason(SdkException e)
    {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
