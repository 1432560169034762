package io.github.athenaddb.local;

import io.github.athenaddb.devkit.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The benchmark's tables. Items are a pure function of their index, so the items a query needs
 * can be generated again to compute its RCU lower bound, without keeping a million items around.
 */
final class BenchData
{
    /** The partition the Query, top-N and point-lookup scenarios read. */
    static final String PARTITION = "P#0";
    /** Other partitions of the keyed table, so reading it all would cost more than the partition. */
    static final int OTHER_PARTITIONS = 4;
    private static final int LOAD_THREADS = 8;

    private BenchData() {}

    /** A flat item of ten attributes (the item of the former {@code bench-read}). */
    static Map<String, AttributeValue> flatItem(int i)
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

    /** Item {@code i} of partition {@code pk} of the keyed table: the flat item's attributes under pk + sk. */
    static Map<String, AttributeValue> keyedItem(String pk, int i)
    {
        Map<String, AttributeValue> item = flatItem(i);
        item.remove("id");
        item.remove("seq");
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sortKey(i)));
        return item;
    }

    /** Zero-padded, so string order is index order. */
    static String sortKey(int i)
    {
        return String.format(Locale.ROOT, "ORDER#%08d", i);
    }

    static void createFlatTable(DynamoDbClient client, String table)
    {
        Tables.create(client, Tables.table(table, "id", ScalarAttributeType.S).build());
    }

    static void createKeyedTable(DynamoDbClient client, String table)
    {
        Tables.create(client, Tables.table(table, "pk", ScalarAttributeType.S)
                .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("sk", KeyType.RANGE))
                .attributeDefinitions(Tables.attribute("pk", ScalarAttributeType.S), Tables.attribute("sk", ScalarAttributeType.S))
                .build());
    }

    /** The keyed table: {@code perPartition} items in {@link #PARTITION}, a quarter as many in each other partition. */
    static void loadKeyed(DynamoDbClient client, String table, int perPartition, PrintStream progress)
    {
        int others = Math.max(1, perPartition / 4);
        int total = perPartition + OTHER_PARTITIONS * others;
        load(client, table, total, i -> i < perPartition ? keyedItem(PARTITION, i)
                : keyedItem("P#" + (1 + (i - perPartition) / others), (i - perPartition) % others), progress);
    }

    /** Loads items 0..count-1 with parallel BatchWriteItem calls; a load of more than 50k items prints progress every 10%. */
    static void load(DynamoDbClient client, String table, int count, IntFunction<Map<String, AttributeValue>> item, PrintStream progress)
    {
        long start = System.nanoTime();
        AtomicLong loaded = new AtomicLong();
        long step = count > 50_000 ? count / 10 : Long.MAX_VALUE;
        IntStream.range(0, LOAD_THREADS).parallel().forEach(part -> {
            List<Map<String, AttributeValue>> batch = new ArrayList<>(25);
            for (int i = part; i < count; i += LOAD_THREADS) {
                batch.add(item.apply(i));
                if (batch.size() == 25 || i + LOAD_THREADS >= count) {
                    Tables.load(client, table, batch);
                    long before = loaded.getAndAdd(batch.size());
                    if ((before + batch.size()) / step > before / step) {
                        progress.printf(Locale.ROOT, "  %s: %,d / %,d items loaded (%.0f s)%n", table, before + batch.size(), count,
                                (System.nanoTime() - start) / 1e9);
                    }
                    batch.clear();
                }
            }
        });
        progress.printf(Locale.ROOT, "  %s: %,d items loaded in %.1f s%n", table, count, (System.nanoTime() - start) / 1e9);
    }

    /** The bound for reading items {@code from..to-1} made by {@code item}. */
    static RcuLowerBound lowerBound(int from, int to, IntFunction<Map<String, AttributeValue>> item)
    {
        RcuLowerBound bound = new RcuLowerBound();
        for (int i = from; i < to; i++) {
            bound.add(item.apply(i));
        }
        return bound;
    }
}
