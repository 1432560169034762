package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ddb.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses how to read a table for a query: a pure function of the table's key schema and the
 * query's per-attribute domains. In order of preference:
 * <ol>
 * <li>GetItem/BatchGetItem when every primary-key attribute is fixed to one or a few values;</li>
 * <li>Query (one split per partition-key value) on the table, or on the index whose key
 *     condition narrows most (a sort-key condition beats none; the table beats an index on a
 *     tie, then fewer Queries, then index name);</li>
 * <li>parallel Scan.</li>
 * </ol>
 * An index is used only when it holds every item that can match: its projection is ALL (the
 * requested columns are not known when splits are planned), and the query excludes NULL on each
 * of the index's key attributes, because DynamoDB leaves items without them out of the index
 * (a sparse index). More than {@code maxKeyLookups} keys or Queries fall back to a Scan.
 */
public final class AccessPlanner
{
    private AccessPlanner() {}

    public static AccessPlan plan(TableDescription table, Map<String, ColumnDomain> domains, int maxKeyLookups)
    {
        Optional<List<AttributeValue>> hashValues = keyValues(table.hashKey(), domains);
        if (hashValues.isPresent() && hashValues.get().size() <= maxKeyLookups) {
            Optional<AccessPlan> get = getItems(table, domains, hashValues.get(), maxKeyLookups);
            if (get.isPresent()) {
                return get.get();
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        if (hashValues.isPresent()) {
            candidates.add(candidate(Optional.empty(), table.hashKey().name(), hashValues.get(),
                    table.rangeKey().flatMap(r -> sort(r, domains))));
        }
        for (TableDescription.Index index : table.indexes()) {
            indexCandidate(table, index, domains).ifPresent(candidates::add);
        }
        String tooMany = "";
        Optional<Candidate> best = candidates.stream()
                .filter(c -> c.conditions().size() <= maxKeyLookups)
                .max(Comparator.comparingInt((Candidate c) -> c.hasSort() ? 1 : 0)
                        .thenComparing(c -> c.index().isEmpty())
                        .thenComparing(c -> -c.conditions().size())
                        .thenComparing(c -> c.index().orElse(""), Comparator.reverseOrder()));
        if (best.isPresent()) {
            Candidate c = best.get();
            String on = c.index().map(i -> "index " + i).orElse("the table");
            return new AccessPlan.Queries(c.index(), c.conditions(), c.conditions().size() + " Query(s) on " + on
                    + ": partition key " + c.conditions().get(0).hashKey() + " is fixed"
                    + (c.hasSort() ? ", with a condition on sort key " + c.conditions().get(0).sort().get().attribute() : ""));
        }
        if (candidates.stream().anyMatch(c -> c.conditions().size() > maxKeyLookups)) {
            tooMany = " (an IN list exceeds max_key_lookups=" + maxKeyLookups + ")";
        }
        return new AccessPlan.Scan("Scan: no predicate fixes the partition key of the table or of a usable index" + tooMany);
    }

    private record Candidate(Optional<String> index, List<KeyCondition> conditions, boolean hasSort) {}

    private static Candidate candidate(Optional<String> index, String hashKey, List<AttributeValue> hashValues, Optional<SortCondition> sort)
    {
        List<KeyCondition> conditions = hashValues.stream().map(v -> new KeyCondition(hashKey, v, sort)).toList();
        return new Candidate(index, conditions, sort.isPresent());
    }

    private static Optional<Candidate> indexCandidate(TableDescription table, TableDescription.Index index, Map<String, ColumnDomain> domains)
    {
        if (!"ALL".equals(index.projectionType())) {
            return Optional.empty();
        }
        Optional<List<AttributeValue>> hashValues = keyValues(keyAttribute(table, index.hashKey()), domains);
        if (hashValues.isEmpty()) {
            return Optional.empty();
        }
        Optional<SortCondition> sort = Optional.empty();
        if (index.rangeKey().isPresent()) {
            ColumnDomain rangeDomain = domains.get(index.rangeKey().get());
            // Sparse-index safety: items without the index's sort key are not in the index.
            if (rangeDomain == null || !rangeDomain.excludesNull()) {
                return Optional.empty();
            }
            sort = SortCondition.from(index.rangeKey().get(), keyAttribute(table, index.rangeKey().get()).type(), rangeDomain);
        }
        return Optional.of(candidate(Optional.of(index.name()), index.hashKey(), hashValues.get(), sort));
    }

    private static Optional<AccessPlan> getItems(TableDescription table, Map<String, ColumnDomain> domains, List<AttributeValue> hashValues,
                                                 int maxKeyLookups)
    {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        if (table.rangeKey().isEmpty()) {
            hashValues.forEach(h -> keys.add(Map.of(table.hashKey().name(), h)));
        }
        else {
            Optional<List<AttributeValue>> rangeValues = keyValues(table.rangeKey().get(), domains);
            if (rangeValues.isEmpty() || (long) hashValues.size() * rangeValues.get().size() > maxKeyLookups) {
                return Optional.empty();
            }
            for (AttributeValue h : hashValues) {
                for (AttributeValue r : rangeValues.get()) {
                    Map<String, AttributeValue> key = new LinkedHashMap<>();
                    key.put(table.hashKey().name(), h);
                    key.put(table.rangeKey().get().name(), r);
                    keys.add(key);
                }
            }
        }
        return Optional.of(new AccessPlan.GetItems(keys, keys.size() == 1 ? "GetItem: the whole primary key is fixed"
                : "BatchGetItem of " + keys.size() + " keys: every primary-key attribute is fixed to a few values"));
    }

    private static Optional<SortCondition> sort(TableDescription.KeyAttribute rangeKey, Map<String, ColumnDomain> domains)
    {
        ColumnDomain domain = domains.get(rangeKey.name());
        return domain == null ? Optional.empty() : SortCondition.from(rangeKey.name(), rangeKey.type(), domain);
    }

    /** The key's values when the domain fixes it to single, exactly representable values. */
    private static Optional<List<AttributeValue>> keyValues(TableDescription.KeyAttribute key, Map<String, ColumnDomain> domains)
    {
        ColumnDomain domain = domains.get(key.name());
        if (domain == null) {
            return Optional.empty();
        }
        Optional<List<Object>> points = domain.pointValues();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        List<AttributeValue> values = new ArrayList<>();
        for (Object p : points.get()) {
            Optional<AttributeValue> v = KeyValues.of(key.type(), p);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            values.add(v.get());
        }
        return Optional.of(values);
    }

    /** Index key attributes are declared in the table's AttributeDefinitions; their types come from there. */
    private static TableDescription.KeyAttribute keyAttribute(TableDescription table, String name)
    {
        return table.attributeTypes().getOrDefault(name, new TableDescription.KeyAttribute(name, "S"));
    }
}
