package io.github.athenaddb.local;

import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesResponse;
import io.github.athenaddb.devkit.AthenaSequence;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Starts dynalite, loads the single-table e-commerce sample from examples/ecommerce, and shows
 * what Athena would see through the connector: schemas, tables, the inferred table schema, and
 * rows, every one of them fetched through serialized requests to the Lambda entry point.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a local DynamoDB, load the e-commerce sample and read it through the connector.")
final class DemoCommand
        implements Callable<Integer>
{
    private static final String TABLE = "ecommerce";
    private final PrintStream out = System.out;

    @Override
    public Integer call()
    {
        try (LocalConnector local = LocalConnector.startWithDynalite(Map.of())) {
            out.println("Local DynamoDB (dynalite, in memory) at " + local.endpoint());
            long start = System.nanoTime();
            int loaded = local.loadExample(LocalConnector.examplesDirectory().resolve("ecommerce"));
            out.printf("Loaded %,d items from examples/ecommerce/items.jsonl in %.1f s%n%n", loaded, seconds(start));

            ListSchemasResponse schemas = local.wire.call(new ListSchemasRequest(AthenaSequence.IDENTITY, "demo", AthenaSequence.CATALOG));
            out.println("Schemas of \"lambda:ddb\": " + schemas.getSchemas());
            ListTablesResponse tables = local.wire.call(new ListTablesRequest(AthenaSequence.IDENTITY, "demo", AthenaSequence.CATALOG,
                    "default", null, ListTablesRequest.UNLIMITED_PAGE_SIZE_VALUE));
            out.println("Tables in \"lambda:ddb\".\"default\": "
                    + tables.getTables().stream().map(TableName::getTableName).collect(Collectors.toList()));

            GetTableResponse table = local.athena.getTable(TABLE);
            Schema schema = table.getSchema();
            out.printf("%nColumns of \"lambda:ddb\".\"default\".\"%s\" (inferred from a sample):%n", TABLE);
            for (Field f : schema.getFields()) {
                out.printf("  %-14s %s%n", f.getName().toLowerCase(java.util.Locale.ROOT), SqlTypeNames.of(f));
            }

            start = System.nanoTime();
            List<Map<String, Object>> rows = local.athena.scan(TABLE);
            double took = seconds(start);
            out.printf("%nRead %,d rows through the wire in %d split(s), %.2f s (%,.0f rows/s)%n",
                    rows.size(), local.athena.lastRowsPerSplit().size(), took, rows.size() / took);

            Map<Object, Long> byType = new TreeMap<>(rows.stream()
                    .collect(Collectors.groupingBy(r -> String.valueOf(r.get("type")), Collectors.counting())));
            out.println("Items by Type: " + byType);
            show(rows, "Customer", List.of("pk", "name", "address", "interests", "totalorders", "totalspent"));
            show(rows, "Order", List.of("pk", "sk", "createdat", "status", "amount", "numberitems"));
            show(rows, "OrderItem", List.of("pk", "sk", "productname", "category", "quantity", "price"));
            out.println();
            out.println("Next: SQL over these rows (GROUP BY, joins) comes with the local engine; see README.");
            return 0;
        }
    }

    private void show(List<Map<String, Object>> rows, String type, List<String> columns)
    {
        out.printf("%nFirst 5 %s items:%n", type);
        TextTable.print(out, columns, rows.stream().filter(r -> type.equals(r.get("type"))).limit(5).collect(Collectors.toList()));
    }

    private static double seconds(long startNanos)
    {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
