package io.github.athenaddb.local.engine;

import io.github.athenaddb.devkit.AthenaSequence;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A connector mounted in the engine as a catalog: its schemas and tables come from ListSchemas
 * and ListTables through the wire, with names lower-cased as Athena shows them.
 */
final class SourceCatalog
        extends AbstractSchema
{
    private final String name;
    private final AthenaSequence sequence;
    private final EngineOptions options;
    private final StatementStats stats;
    private Map<String, Schema> schemas;

    SourceCatalog(String name, AthenaSequence sequence, EngineOptions options, StatementStats stats)
    {
        this.name = requireNonNull(name, "name is null");
        this.sequence = requireNonNull(sequence, "sequence is null");
        this.options = requireNonNull(options, "options is null");
        this.stats = requireNonNull(stats, "stats is null");
    }

    String name()
    {
        return name;
    }

    AthenaSequence sequence()
    {
        return sequence;
    }

    boolean pushdown()
    {
        return options.pushdown();
    }

    int parallelism()
    {
        return options.splitParallelism();
    }

    StatementStats stats()
    {
        return stats;
    }

    /** Before each statement: table schemas are fetched again, as Athena fetches them per query. */
    synchronized void newStatement()
    {
        if (schemas != null) {
            schemas.values().forEach(s -> ((TablesSchema) s).forgetSchemas());
        }
    }

    @Override
    protected synchronized Map<String, Schema> getSubSchemaMap()
    {
        if (schemas == null) {
            schemas = new LinkedHashMap<>();
            for (String schema : sequence.listSchemas()) {
                schemas.put(schema.toLowerCase(Locale.ROOT), new TablesSchema(schema));
            }
        }
        return schemas;
    }

    /** One schema of the connector. */
    private final class TablesSchema
            extends AbstractSchema
    {
        private final String schemaName;
        private Map<String, Table> tables;

        TablesSchema(String schemaName)
        {
            this.schemaName = schemaName;
        }

        synchronized void forgetSchemas()
        {
            if (tables != null) {
                tables.values().forEach(t -> ((SourceTable) t).forgetSchema());
            }
        }

        @Override
        protected synchronized Map<String, Table> getTableMap()
        {
            if (tables == null) {
                tables = new LinkedHashMap<>();
                for (String table : sequence.listTables(schemaName)) {
                    String lower = table.toLowerCase(Locale.ROOT);
                    tables.put(lower, new SourceTable(SourceCatalog.this, schemaName, lower));
                }
            }
            return tables;
        }
    }
}
