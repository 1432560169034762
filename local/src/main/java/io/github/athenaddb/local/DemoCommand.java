package io.github.athenaddb.local;

import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.devkit.EmbeddedPostgresDb;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.jdbc.JdbcSource;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.QueryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Starts dynalite and an embedded PostgreSQL, loads the single-table e-commerce sample from
 * examples/ecommerce into the first and its customers' demographics into the second, and shows
 * what Athena would see through the connector: schemas, tables, the inferred table schema, and
 * the rows of the example queries, DynamoDB-only and federated, every one of them fetched
 * through serialized requests to the Lambda entry point. Then, when moto_server is installed,
 * the queries of the change and export tables on it ({@link ChangesAndExportDemo}).
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

            // Through the engine, as a user would ask: Trino's SHOW and DESCRIBE over the connector's metadata.
            try (LocalEngine engine = local.engine(EngineOptions.DEFAULTS)) {
                out.println("Schemas of \"lambda:ddb\": " + column(engine, "SHOW SCHEMAS FROM \"lambda:ddb\"").stream()
                        .filter(name -> !name.equals("information_schema")).toList());
                out.println("Tables in \"lambda:ddb\".\"default\": " + column(engine, "SHOW TABLES FROM \"lambda:ddb\".\"default\""));
                List<String> views = column(engine, "SHOW TABLES FROM \"lambda:ddb\".shop");
                out.println("Entity views in \"lambda:ddb\".\"shop\" (examples/ecommerce/tables.json, Glue's shape): " + views);

                out.printf("%nColumns of \"lambda:ddb\".\"default\".\"%s\" (inferred from a sample):%n", TABLE);
                for (List<Object> column : engine.execute("DESCRIBE \"lambda:ddb\".\"default\".\"" + TABLE + "\"").rows()) {
                    out.printf("  %-14s %s%n", column.get(0), column.get(1));
                }
                for (String view : views) {
                    out.printf("%nColumns of view \"shop\".\"%s\" (inferred from that entity's items only):%n  ", view);
                    out.println(String.join(", ", engine.execute("DESCRIBE \"lambda:ddb\".shop.\"" + view + "\"").rows().stream()
                            .map(column -> column.get(0) + " " + column.get(1)).toList()));
                }
                out.println("Tables in \"lambda:" + RDS + "\".\"public\" (PostgreSQL): "
                        + column(engine, "SHOW TABLES FROM \"lambda:" + RDS + "\".public"));

                run(engine, examples.resolve("queries.sql"));
                run(engine, examples.resolve("federated.sql"));
            }
        }
        runChangesAndExport(examples);
        return 0;
    }

    /** The change and export tables' queries, on moto_server when it is installed: dynalite has no streams and there is no S3 beside it. */
    private void runChangesAndExport(Path examples)
            throws IOException
    {
        if (!MotoServer.installed()) {
            out.printf("%nmoto_server is not installed (pip install 'moto[server]'): skipping examples/ecommerce/%s ($changes and $export)%n",
                    ChangesAndExportDemo.QUERIES);
            return;
        }
        try (ChangesAndExportDemo demo = ChangesAndExportDemo.start(examples, parent.environment(), out); LocalEngine engine = demo.engine()) {
            run(engine, examples.resolve(ChangesAndExportDemo.QUERIES));
        }
    }

    private void run(LocalEngine engine, Path queries)
            throws IOException
    {
        out.printf("%nRunning %s on Trino (Athena engine v3's engine), every read through the connector's wire:%n",
                LocalConnector.examplesDirectory().getParent().relativize(queries));
        for (String statement : Statements.split(Files.readString(queries, StandardCharsets.UTF_8))) {
            out.println();
            out.println(statement);
            QueryResult result = engine.execute(Statements.strip(statement));
            ResultFormat.TABLE.print(result, out);
            out.print(StatsReport.text(result));
        }
    }

    /** The first column of a statement's rows. */
    private static List<String> column(LocalEngine engine, String sql)
    {
        return engine.execute(sql).rows().stream().map(row -> String.valueOf(row.get(0))).toList();
    }

    private static double seconds(long startNanos)
    {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
