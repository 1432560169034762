package io.github.athenaddb.ddb.exec;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Turns pages of a KEYS_ONLY or INCLUDE index into the table's full items: each page's primary
 * keys are read with BatchGetItem (100 at a time, not past a LIMIT's need) and handed on in the
 * index's order, which a top-N on the index's sort key relies on.
 */
public final class TableFetch
        implements Consumer<List<Map<String, AttributeValue>>>
{
    private final KeyLookupReader reader;
    private final String table;
    private final List<String> keyAttributes;
    private final AttributeProjection projection;
    private final ReadRateLimiter limiter;
    private final RowBudget budget;
    private final Consumer<List<Map<String, AttributeValue>>> items;
    private long requests;
    private long fetched;
    private double units;

    public TableFetch(KeyLookupReader reader, String table, List<String> keyAttributes, AttributeProjection projection, ReadRateLimiter limiter,
                      RowBudget budget, Consumer<List<Map<String, AttributeValue>>> items)
    {
        this.reader = requireNonNull(reader, "reader is null");
        this.table = requireNonNull(table, "table is null");
        this.keyAttributes = List.copyOf(keyAttributes);
        this.projection = requireNonNull(projection, "projection is null");
        this.limiter = requireNonNull(limiter, "limiter is null");
        this.budget = requireNonNull(budget, "budget is null");
        this.items = requireNonNull(items, "items is null");
    }

    @Override
    public void accept(List<Map<String, AttributeValue>> indexItems)
    {
        for (int from = 0; from < indexItems.size() && !budget.exhausted(); from += KeyLookupReader.BATCH) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (Map<String, AttributeValue> indexItem : indexItems.subList(from, Math.min(indexItems.size(), from + KeyLookupReader.BATCH))) {
                keys.add(key(indexItem));
            }
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> byKey = new HashMap<>();
            ReadStats stats = reader.get(table, keys, projection, limiter, got -> got.forEach(item -> byKey.put(key(item), item)));
            requests += stats.requests();
            fetched += stats.items();
            units += stats.consumedReadUnits();
            List<Map<String, AttributeValue>> ordered = new ArrayList<>();
            // An item deleted since the index was read is gone from the table too: it is not a row.
            keys.forEach(k -> {
                Map<String, AttributeValue> item = byKey.get(k);
                if (item != null) {
                    ordered.add(item);
                }
            });
            items.accept(ordered);
        }
    }

    private Map<String, AttributeValue> key(Map<String, AttributeValue> item)
    {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        keyAttributes.forEach(k -> key.put(k, item.get(k)));
        return key;
    }

    /** The GetItem/BatchGetItem requests, items and read capacity of the fetches. */
    public ReadStats stats()
    {
        return new ReadStats(requests, fetched, units);
    }
}
