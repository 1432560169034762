package io.github.athenaddb.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.ddb.schema.store.SharedSchemaLocation;
import io.github.athenaddb.devkit.DynamoJson;
import io.github.athenaddb.devkit.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a query from a fresh process costs (a cold Lambda instance, or {@code bin/athena-local query}
 * without a serve): 14 different key and scan queries over the first 4,716 items of the e-commerce
 * sample, each in a JVM of its own, once sharing inferred schemas through athena-local's schema
 * files (the first query samples the table, the others read its schema), once with an empty schema
 * directory per process (each samples, as every fresh process did before schemas were shared).
 */
final class FreshQueriesBench
{
    static final String TABLE = "Ecommerce";
    static final int ITEMS = 4_716;

    /** A statement, and for a key query the items it must read (the lower bound of its read capacity). */
    private record Statement(String sql, Optional<Predicate<Map<String, AttributeValue>>> needs) {}

    private FreshQueriesBench() {}

    static List<BenchResults.Scenario> run(LocalConnector local, PrintStream out)
            throws IOException, InterruptedException
    {
        Path examples = LocalConnector.examplesDirectory().resolve("ecommerce");
        List<Map<String, AttributeValue>> items = DynamoJson.readItems(examples.resolve("items.jsonl")).subList(0, ITEMS);
        try (DynamoDbClient loader = local.loader()) {
            Tables.create(loader, DynamoJson.createTable(examples.resolve("table.json")));
            Tables.load(loader, TABLE, items);
        }
        List<Statement> statements = statements(items);
        Path root = examples.getParent().getParent();
        List<BenchResults.Scenario> results = new ArrayList<>();
        Path scratch = Files.createTempDirectory("fresh-queries");
        results.add(runAll(BenchScenario.FRESH_QUERIES.id, "shared schema files", statements, items, root, local, Optional.empty(), out));
        results.add(runAll(BenchScenario.FRESH_QUERIES.id + "-unshared", "an empty schema directory per process", statements, items, root, local,
                Optional.of(scratch), out));
        return results;
    }

    private static BenchResults.Scenario runAll(String name, String how, List<Statement> statements, List<Map<String, AttributeValue>> items,
                                                Path root, LocalConnector local, Optional<Path> ownDirectories, PrintStream out)
            throws IOException, InterruptedException
    {
        out.println("  running " + name + " (" + how + ")");
        double rcu = 0;
        double bound = 0;
        List<Double> wall = new ArrayList<>();
        Map<String, Long> requests = new LinkedHashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            Optional<Path> directory = ownDirectories.isEmpty() ? Optional.empty()
                    : Optional.of(Files.createTempDirectory(ownDirectories.get(), "schemas"));
            JsonNode stats = query(root, local, statement.sql(), directory);
            double spent = 0;
            for (JsonNode source : stats.get("sources")) {
                spent += source.get("rcu").asDouble();
                source.get("requests").fields().forEachRemaining(r -> requests.merge(r.getKey(), r.getValue().asLong(), Long::sum));
            }
            Optional<Double> lower = statement.needs().map(needs -> {
                RcuLowerBound b = new RcuLowerBound();
                items.stream().filter(needs).forEach(b::add);
                return b.rcu();
            });
            rcu += spent;
            bound += lower.orElse(0.0);
            wall.add(stats.get("wall_ms").asDouble());
            out.printf("    %2d. %6.1f RCU%s  %s%n", i + 1, spent, lower.map(l -> String.format(" (lower bound %.1f)", l)).orElse(""), statement.sql());
        }
        out.printf("    total %.1f RCU over %d fresh processes%n", rcu, statements.size());
        return new BenchResults.Scenario(name, BenchScenario.FRESH_QUERIES.description + "; " + how, null, (long) statements.size(),
                BenchResults.Stat.of(wall), null, requests, rcu, bound, bound > 0 ? rcu / bound : null, null, null);
    }

    private static JsonNode query(Path root, LocalConnector local, String sql, Optional<Path> schemaDirectory)
            throws IOException, InterruptedException
    {
        Path stats = Files.createTempFile("fresh-query", ".json");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin").resolve("athena-local").toString(), "query", "--no-serve",
                "--dynamodb-endpoint", local.endpoint().toString(), "--format", "csv", "--stats-json", stats.toString(), sql)
                .redirectErrorStream(true);
        schemaDirectory.ifPresent(d -> builder.environment().put(SharedSchemaLocation.DIRECTORY_SETTING, d.toString()));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("query failed: " + sql + "\n" + new String(output, StandardCharsets.UTF_8));
        }
        try {
            return new ObjectMapper().readTree(stats.toFile());
        }
        finally {
            Files.deleteIfExists(stats);
        }
    }

    /** Ten key queries (GetItem, Query on the table and on its index) and four scans, on keys the loaded items hold. */
    private static List<Statement> statements(List<Map<String, AttributeValue>> items)
    {
        List<String> customers = items.stream().filter(i -> s(i, "Type").equals("Customer")).map(i -> s(i, "PK")).limit(4).toList();
        List<String> withOrders = items.stream().filter(i -> s(i, "Type").equals("Order")).map(i -> s(i, "PK")).distinct().limit(3).toList();
        List<String> orders = items.stream().filter(i -> s(i, "Type").equals("OrderItem")).map(i -> s(i, "PK")).distinct().limit(2).toList();
        List<Statement> statements = new ArrayList<>();
        for (String customer : customers) {
            statements.add(new Statement("SELECT * FROM ddb.default.ecommerce WHERE pk = '" + customer + "' AND sk = '" + customer + "'",
                    Optional.of(i -> s(i, "PK").equals(customer) && s(i, "SK").equals(customer))));
        }
        for (String pk : withOrders) {
            statements.add(new Statement("SELECT sk, status, amount FROM ddb.default.ecommerce WHERE pk = '" + pk + "'",
                    Optional.of(i -> s(i, "PK").equals(pk))));
        }
        for (String pk : orders) {
            statements.add(new Statement("SELECT productname, quantity, price FROM ddb.default.ecommerce WHERE pk = '" + pk + "'",
                    Optional.of(i -> s(i, "PK").equals(pk))));
        }
        statements.add(new Statement("SELECT username, totalspent FROM ddb.default.ecommerce WHERE gsi1pk = 'CUSTOMER' AND gsi1sk > 3000",
                Optional.of(i -> s(i, "GSI1PK").equals("CUSTOMER") && i.containsKey("GSI1SK")
                        && new BigDecimal(i.get("GSI1SK").n()).compareTo(BigDecimal.valueOf(3000)) > 0)));
        statements.add(new Statement("SELECT * FROM ddb.default.ecommerce LIMIT 10", Optional.empty()));
        statements.add(new Statement("SELECT pk, sk FROM ddb.default.ecommerce LIMIT 100", Optional.empty()));
        statements.add(new Statement("SELECT type, count(*) FROM ddb.default.ecommerce GROUP BY type", Optional.empty()));
        statements.add(new Statement("SELECT orderid, amount FROM ddb.default.ecommerce WHERE type = 'Order' AND status = 'CANCELLED'",
                Optional.empty()));
        return statements;
    }

    private static String s(Map<String, AttributeValue> item, String name)
    {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }
}
