package io.github.athenaddb.local;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.local.engine.DynamoDbRequestMeter;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalEngine;
import io.github.athenaddb.local.engine.QueryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * Measures a full table read through the wire: dynalite is loaded with flat items of ten
 * attributes, then the table is read the way Athena reads it (GetTable, layout, splits, one
 * ReadRecords per split, sequentially). Reports rows/s and the JVM's peak heap during the read.
 */
@Command(name = "bench-read", mixinStandardHelpOptions = true,
        description = "Load N items into a local DynamoDB and time a full read through the connector.")
final class ReadBenchCommand
        implements Callable<Integer>
{
    @Option(names = "--items", defaultValue = "100000", description = "Items to load (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--segments", defaultValue = "1", description = "Parallel Scan segments, one split each (default: ${DEFAULT-VALUE}).")
    int segments;

    @Option(names = "--runs", defaultValue = "3", description = "Timed reads after one warm-up read (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call()
            throws SQLException
    {
        try (LocalConnector local = LocalConnector.startWithDynalite(Map.of(ConnectorConfig.SCAN_SEGMENTS, Integer.toString(segments)))) {
            DynamoDbClient loader = local.loader();
            loader.createTable(Tables.table("bench_flat", "id", ScalarAttributeType.S).build());
            long start = System.nanoTime();
            IntStream.range(0, 8).parallel().forEach(part -> {
                List<Map<String, AttributeValue>> batch = new ArrayList<>();
                for (int i = part; i < items; i += 8) {
                    batch.add(item(i));
                }
                Tables.load(loader, "bench_flat", batch);
            });
            System.out.printf("Loaded %,d items in %.1f s%n", items, (System.nanoTime() - start) / 1e9);

            DynamoDbRequestMeter.reset();
            local.athena.getTable("bench_flat");
            DynamoDbRequestMeter.TableUsage sample = DynamoDbRequestMeter.usage("bench_flat");
            System.out.printf("schema inference (first GetTable): %,d items sampled in %d Scan requests, %.1f RCU%n",
                    sample.itemsScanned(), sample.requests().values().stream().mapToLong(Long::longValue).sum(), sample.rcu());
            local.athena.scan("bench_flat");
            start = System.nanoTime();
            long raw = rawScan(local);
            System.out.printf("baseline: plain paginated Scan with the AWS SDK, no connector: %,d items, %,.0f items/s%n",
                    raw, raw / ((System.nanoTime() - start) / 1e9));
            for (int run = 1; run <= runs; run++) {
                System.gc();
                resetHeapPeaks();
                start = System.nanoTime();
                int rows = local.athena.scan("bench_flat").size();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("run %d: %,d rows, %d split(s), %.2f s, %,.0f rows/s, peak heap %,d MiB%n",
                        run, rows, segments, seconds, rows / seconds, peakHeapBytes() / (1024 * 1024));
            }
            String aggregate = "SELECT status, count(*) AS n, sum(amount) AS total, avg(quantity) AS q FROM ddb.default.bench_flat GROUP BY status";
            try (LocalEngine engine = local.engine(EngineOptions.DEFAULTS)) {
                engine.execute(aggregate);
                for (int run = 1; run <= runs; run++) {
                    QueryResult result = engine.execute(aggregate);
                    System.out.printf("engine run %d: GROUP BY over %,d items: %,d ms, %,.0f items/s%n", run, items,
                            result.wallMillis(), items * 1000.0 / Math.max(1, result.wallMillis()));
                }
            }
            return 0;
        }
    }

    /** What the local DynamoDB itself can serve: the ceiling for any connector on this machine. */
    private static long rawScan(LocalConnector local)
    {
        return local.loader().scanPaginator(b -> b.tableName("bench_flat")).stream().mapToLong(p -> p.items().size()).sum();
    }

    static Map<String, AttributeValue> item(int i)
    {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS("item-" + i));
        item.put("customer", AttributeValue.fromS("CUSTOMER#" + (i % 5000)));
        item.put("status", AttributeValue.fromS(i % 3 == 0 ? "SHIPPED" : "PLACED"));
        item.put("createdAt", AttributeValue.fromS("2026-10-" + (10 + i % 20) + "T12:00:00Z"));
        item.put("quantity", AttributeValue.fromN(Integer.toString(1 + i % 7)));
        item.put("amount", AttributeValue.fromN((i % 10000) + "." + (i % 100)));
        item.put("gift", AttributeValue.fromBool(i % 11 == 0));
        item.put("sku", AttributeValue.fromS("SKU-" + (i % 997)));
        item.put("warehouse", AttributeValue.fromS("WH-" + (i % 13)));
        item.put("seq", AttributeValue.fromN(Integer.toString(i)));
        return item;
    }

    private static void resetHeapPeaks()
    {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes()
    {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
