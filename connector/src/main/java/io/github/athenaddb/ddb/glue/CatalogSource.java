package io.github.athenaddb.ddb.glue;

import software.amazon.awssdk.services.glue.model.Table;

import java.util.List;
import java.util.Optional;

/**
 * The Glue databases marked for this connector and their tables, from the Glue API or from a
 * local file in Glue's own shape: both give the SDK's Glue model, read by one {@link TableOverride} parser.
 */
public interface CatalogSource
{
    CatalogSource NONE = new CatalogSource()
    {
        @Override
        public List<String> databases()
        {
            return List.of();
        }

        @Override
        public List<Table> tables(String database)
        {
            return List.of();
        }
    };

    /** Names of the databases marked for this connector. */
    List<String> databases();

    /** Every table of a marked database (empty when the database is not marked or does not exist). */
    List<Table> tables(String database);

    /** One table of a marked database, matched ignoring case as Athena's names are lower-cased. */
    default Optional<Table> table(String database, String name)
    {
        return tables(database).stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * A database is marked by the parameter {@value #DATABASE_FLAG}=true, or, as for the official
     * connector, by "dynamo-db-flag" in its location URI or description.
     */
    String DATABASE_FLAG = "athena_ddb";
    String OFFICIAL_FLAG = "dynamo-db-flag";
}
