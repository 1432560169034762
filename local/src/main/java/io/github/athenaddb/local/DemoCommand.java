package io.github.athenaddb.local;

import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.devkit.EmbeddedPostgresDb;
import io.github.athenaddb.jdbc.JdbcSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.QueryResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Starts dynalite and an embedded PostgreSQL, loads the single-table e-commerce sample from
 * examples/ecommerce into the first and its customers' demographics into the second, and shows
 * what Athena would see through the connector: schemas, tables, the inferred table schema, and
 * the rows of the example queries, DynamoDB-only and federated, every one of them fetched
 * through serialized requests to the Lambda entry point.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a local DynamoDB, load the e-commerce sample and read it through the connector.")
final class DemoCommand
        implements Callable<Integer>
{
    private static final String TABLE = "ecommerce";
    /** The catalog of the embedded PostgreSQL. */
    static final String RDS = "rds";
    private final PrintStream out = System.out;

    @ParentCommand
    AthenaLocal parent;

    @Override
    public Integer call()
            throws IOException, SQLException
    {
        Path examples = LocalConnector.examplesDirectory().resolve("ecommerce");
        long pgStart = System.nanoTime();
        EmbeddedPostgresDb postgres = EmbeddedPostgresDb.newDatabase();
        int customers = DemoCustomers.load(postgres, examples.resolve("customers.csv"));
        // The environment's settings apply (complex_columns, max_read_units_per_second, ...); the demo's own sources win.
        Map<String, String> config = new HashMap<>(parent.environment());
        config.putAll(Map.of(GlueConfig.GLUE_DEFINITIONS_FILE, examples.resolve("tables.json").toString(),
                RDS + JdbcSource.SUFFIX, postgres.jdbcUrlWithCredentials()));
        try (LocalConnector local = LocalConnector.startWithDynalite(config)) {
            out.printf(Locale.ROOT, "Embedded PostgreSQL at %s: %,d customers from examples/ecommerce/customers.csv in %.1f s, "
                    + "mounted as catalog \"lambda:%s\" / %s%n", postgres.jdbcUrl(), customers, seconds(pgStart), RDS, RDS);
            out.println("Local DynamoDB (dynalite, in memory) at " + local.endpoint());
            long start = System.nanoTime();
            int loaded = local.loadExample(LocalConnector.examplesDirectory().resolve("ecommerce"));
            out.printf(Locale.ROOT, "Loaded %,d items from examples/ecommerce/items.jsonl in %.1f s%n%n", loaded, seconds(start));

            out.println("Schemas of \"lambda:ddb\": " + local.athena.listSchemas());
            out.println("Tables in \"lambda:ddb\".\"default\": " + local.athena.listTables("default"));
            out.println("Entity views in \"lambda:ddb\".\"shop\" (examples/ecommerce/tables.json, Glue's shape): "
                    + local.athena.listTables("shop"));

            GetTableResponse table = local.athena.getTable(TABLE);
            Schema schema = table.getSchema();
            out.printf("%nColumns of \"lambda:ddb\".\"default\".\"%s\" (inferred from a sample):%n", TABLE);
            for (Field f : schema.getFields()) {
                out.printf("  %-14s %s%n", f.getName().toLowerCase(Locale.ROOT), SqlTypeNames.of(f));
            }

            for (String view : local.athena.listTables("shop")) {
                out.printf("%nColumns of view \"shop\".\"%s\" (inferred from that entity's items only):%n  ", view);
                out.println(String.join(", ", local.athena.getTable("shop", view).getSchema().getFields().stream()
                        .map(f -> f.getName().toLowerCase(Locale.ROOT) + " " + SqlTypeNames.of(f)).toList()));
            }

            out.println("Tables in \"lambda:" + RDS + "\".\"public\" (PostgreSQL): " + local.athena(RDS).listTables("public"));

            try (LocalEngine engine = local.engine(EngineOptions.DEFAULTS)) {
                run(engine, examples.resolve("queries.sql"));
                run(engine, examples.resolve("federated.sql"));
            }
            return 0;
        }
    }

    private void run(LocalEngine engine, Path queries)
            throws IOException, SQLException
    {
        out.printf("%nRunning %s through the local engine (Calcite), every read through the connector's wire:%n",
                LocalConnector.examplesDirectory().getParent().relativize(queries));
        for (String statement : Statements.split(Files.readString(queries, StandardCharsets.UTF_8))) {
            out.println();
            out.println(statement);
            QueryResult result = engine.execute(Statements.strip(statement));
            ResultFormat.TABLE.print(result, out);
            out.print(StatsReport.text(result));
        }
    }

    private static double seconds(long startNanos)
    {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
