package io.github.athenaddb.devkit;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;

/**
 * The table shape and random items the differential tests read, the connector's through its
 * wire and the Trino connector's through SQL:
 * PK/SK; a sparse GSI1 on GSI1PK (S) / GSI1SK (N), each on only some items and not always together;
 * an LSI ByLsi on PK / LsiSk; Mixed, S in some items and N in others; NULLs and missing attributes;
 * and text whose UTF-8 and UTF-16 orders differ.
 */
public final class DifferentialTable
{
    public static final List<String> PARTITIONS = List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "é", "Ａ", "😀x");
    public static final List<String> SORT_KEYS = List.of("a", "b", "c", "d", "m", "n", "z", "A", "Z", "0", "9", "~", "O#1", "O#10", "O#2",
            "O#20", "é", "ê", "Ａ", "ｚ", "😀", "😀b", "\uE000", "a b", "ab", "abc", "x", "y", "q", "r");
    public static final List<String> GSI_PARTITIONS = List.of("G0", "G1", "G2", "G3", "é");
    public static final List<String> GSI_SORT_KEYS = List.of("-3", "0", "1", "2", "2.5", "3", "5", "7.25", "8", "10", "-0.75", "15");
    public static final List<String> MIXED_TEXT = List.of("7", "x", "10", "ab", "é", "10.5");
    public static final List<String> MIXED_NUMBERS = List.of("7", "10.5", "-1", "3", "10");
    public static final List<String> NOTES = List.of("", "hello", "Hello", "héllo", "😀", "Ａ", "zz");
    /** Text in no item, for predicates that select nothing or fall between values. */
    public static final List<String> ABSENT_TEXT = List.of("", "zz", "G9", "p99", "O#3", "Ｚ", "😀😀", "\uFFFF", "\uD7FF", "a\u0000", " ");

    private DifferentialTable() {}

    /** PK (S) / SK (S); GSI1 on GSI1PK (S) / GSI1SK (N), sparse, projection ALL; LSI ByLsi on PK / LsiSk (S), projection ALL. */
    public static void create(DynamoDbClient dynamo, String name)
    {
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        Tables.create(dynamo, table(name, "PK", ScalarAttributeType.S)
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                .attributeDefinitions(attribute("PK", ScalarAttributeType.S), attribute("SK", ScalarAttributeType.S),
                        attribute("GSI1PK", ScalarAttributeType.S), attribute("GSI1SK", ScalarAttributeType.N),
                        attribute("LsiSk", ScalarAttributeType.S))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("GSI1")
                        .keySchema(key("GSI1PK", KeyType.HASH), key("GSI1SK", KeyType.RANGE)).projection(all).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("ByLsi")
                        .keySchema(key("PK", KeyType.HASH), key("LsiSk", KeyType.RANGE)).projection(all).build())
                .build());
    }

    public static List<Map<String, AttributeValue>> generate(Random random, int count)
    {
        Set<String> keys = new LinkedHashSet<>();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        while (items.size() < count) {
            String pk = pick(random, PARTITIONS);
            String sk = pick(random, SORT_KEYS);
            if (!keys.add(pk + "\u0001" + sk)) {
                continue;
            }
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("PK", s(pk));
            item.put("SK", s(sk));
            if (random.nextDouble() < 0.65) {
                item.put("GSI1PK", s(pick(random, GSI_PARTITIONS)));
            }
            if (random.nextDouble() < 0.6) {
                item.put("GSI1SK", n(pick(random, GSI_SORT_KEYS)));
            }
            if (random.nextDouble() < 0.55) {
                item.put("LsiSk", s(pick(random, SORT_KEYS)));
            }
            double mixed = random.nextDouble();
            if (mixed < 0.25) {
                item.put("Mixed", s(pick(random, MIXED_TEXT)));
            }
            else if (mixed < 0.5) {
                item.put("Mixed", n(pick(random, MIXED_NUMBERS)));
            }
            else if (mixed < 0.65) {
                item.put("Mixed", AttributeValue.fromNul(true));
            }
            double qty = random.nextDouble();
            if (qty < 0.6) {
                item.put("Qty", n(Integer.toString(random.nextInt(56) - 5)));
            }
            else if (qty < 0.75) {
                item.put("Qty", AttributeValue.fromNul(true));
            }
            double note = random.nextDouble();
            if (note < 0.5) {
                item.put("Note", s(pick(random, NOTES)));
            }
            else if (note < 0.6) {
                item.put("Note", AttributeValue.fromNul(true));
            }
            items.add(Map.copyOf(item));
        }
        return items;
    }

    private static String pick(Random random, List<String> values)
    {
        return values.get(random.nextInt(values.size()));
    }
}
