package io.github.athenaddb.bench;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The item shapes the benchmarks convert, built the way the DynamoDB client hands them over
 * (a HashMap of attribute name to value per item). Values vary from item to item, from a fixed
 * seed, so that runs compare and the JIT cannot specialise on one value.
 */
public enum Items
{
    /** 10 scalar attributes: 4 S (key included), 5 N (integers and decimals), 1 BOOL. */
    FLAT {
        @Override
        Map<String, AttributeValue> item(int i, Random random)
        {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s("customer#" + i));
            item.put("name", s(word(random, 6) + " " + word(random, 9)));
            item.put("email", s(word(random, 8) + "@example.com"));
            item.put("city", s(CITIES[random.nextInt(CITIES.length)]));
            item.put("age", n(Integer.toString(18 + random.nextInt(80))));
            item.put("visits", n(Long.toString(random.nextInt(1_000_000))));
            item.put("balance", n(String.format("%d.%02d", random.nextInt(100_000), random.nextInt(100))));
            item.put("score", n(String.format("%d.%03d", random.nextInt(100), random.nextInt(1000))));
            item.put("createdAt", n(Long.toString(1_700_000_000L + random.nextInt(50_000_000))));
            item.put("active", AttributeValue.fromBool(random.nextBoolean()));
            return item;
        }
    },
    /**
     * Maps and lists three levels deep: a struct holding a struct holding a struct, a list of
     * strings, and a list of structs each holding a list of structs.
     */
    NESTED {
        @Override
        Map<String, AttributeValue> item(int i, Random random)
        {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s("order#" + i));
            item.put("customer", m(Map.of(
                    "name", s(word(random, 8)),
                    "address", m(Map.of(
                            "city", s(CITIES[random.nextInt(CITIES.length)]),
                            "zip", s(Integer.toString(10_000 + random.nextInt(90_000))),
                            "geo", m(Map.of(
                                    "lat", n(String.format("%d.%04d", random.nextInt(90), random.nextInt(10_000))),
                                    "lon", n(String.format("%d.%04d", random.nextInt(180), random.nextInt(10_000))))))))));
            List<AttributeValue> tags = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                tags.add(s(word(random, 5)));
            }
            item.put("tags", AttributeValue.fromL(tags));
            List<AttributeValue> lines = new ArrayList<>();
            for (int l = 0; l < 3; l++) {
                List<AttributeValue> parts = new ArrayList<>();
                for (int p = 0; p < 2; p++) {
                    parts.add(m(Map.of("sku", s(word(random, 6)), "qty", n(Integer.toString(1 + random.nextInt(9))))));
                }
                lines.add(m(Map.of("line", n(Integer.toString(l)), "parts", AttributeValue.fromL(parts))));
            }
            item.put("lines", AttributeValue.fromL(lines));
            return item;
        }
    },
    /** 200 attributes: the key, then S, N and BOOL in turn. */
    WIDE {
        @Override
        Map<String, AttributeValue> item(int i, Random random)
        {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s("device#" + i));
            for (int a = 1; a < 200; a++) {
                String name = String.format("attr%03d", a);
                switch (a % 3) {
                    case 0 -> item.put(name, s(word(random, 8)));
                    case 1 -> item.put(name, n(Integer.toString(random.nextInt(100_000))));
                    default -> item.put(name, AttributeValue.fromBool(random.nextBoolean()));
                }
            }
            return item;
        }
    };

    private static final String[] CITIES = {"Paris", "Lyon", "Berlin", "Zürich", "Seattle", "São Paulo", "Tokyo", "Nairobi"};

    abstract Map<String, AttributeValue> item(int i, Random random);

    List<Map<String, AttributeValue>> items(int count)
    {
        Random random = new Random(42);
        List<Map<String, AttributeValue>> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(item(i, random));
        }
        return items;
    }

    private static AttributeValue s(String s)
    {
        return AttributeValue.fromS(s);
    }

    private static AttributeValue n(String n)
    {
        return AttributeValue.fromN(n);
    }

    private static AttributeValue m(Map<String, AttributeValue> m)
    {
        return AttributeValue.fromM(m);
    }

    private static String word(Random random, int length)
    {
        char[] chars = new char[length];
        for (int c = 0; c < length; c++) {
            chars[c] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }
}
