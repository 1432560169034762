package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ddb.table.KeySchema;
import io.github.athenaddb.ddb.table.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Chooses how to read a table for a query: a pure function of the table's key schema and the
 * query's per-attribute domains. In order of preference:
 * <ol>
 * <li>GetItem/BatchGetItem when every primary-key attribute is fixed to one or a few values;</li>
 * <li>Query (one split per partition-key value) on the table, or on the index whose key
 *     condition narrows most: a top-N's sort key first (it reads only N items), then a sort-key
 *     condition over none, then fewer items by {@link ReadEstimate}, then the table over an index,
 *     then fewer Queries, then index name;</li>
 * <li>parallel Scan.</li>
 * </ol>
 * An index is used only when it holds every item that can match: the query excludes NULL on each
 * of the index's key attributes, because DynamoDB leaves items without them out of the index
 * (a sparse index), or for a top-N ordered by the index's sort key, when the items the index lacks
 * are read from the table as well ({@link SparseIndexTopN}). A KEYS_ONLY or INCLUDE index may lack requested attributes, which are not
 * known when splits are planned; the plan names what the index holds, and a read that needs more
 * fetches each item from the table by its primary key ({@link IndexCoverage}). More than {@code maxKeyLookups} keys or Queries fall back to a Scan.
 */
public final class AccessPlanner
{
    /** Above this many sort-key ranges, one Query reads their span: the Queries' round trips would cost more. */
    static final int MAX_RANGES_PER_PARTITION = 10;

    private AccessPlanner() {}

    public static AccessPlan plan(TableDescription table, Map<String, ColumnDomain> domains, int maxKeyLookups)
    {
        return plan(table, domains, maxKeyLookups, Optional.empty());
    }

    /**
     * @param orderAttribute the attribute of a top-N's ORDER BY: a Query whose sort key it is reads
     *         just the first rows, so such a path wins over any other Query
     */
    public static AccessPlan plan(TableDescription table, Map<String, ColumnDomain> domains, int maxKeyLookups,
                                  Optional<String> orderAttribute)
    {
        return plan(table, domains, maxKeyLookups, orderAttribute, Optional.empty());
    }

    /**
     * The plan for a query's domains, LIMIT and ORDER BY: a top-N reads in its ORDER BY's order
     * where it can, and may read a sparse index whose sort key it orders by ({@link SparseIndexTopN}).
     */
    public static AccessPlan plan(TableDescription table, QueryConstraints query, int maxKeyLookups)
    {
        Optional<String> orderAttribute = query.hasLimit() && !query.orderBy().isEmpty()
                ? Optional.of(query.orderBy().get(0).attribute()) : Optional.empty();
        return plan(table, query.domains(), maxKeyLookups, orderAttribute, Optional.of(query));
    }

    /** @param query the whole query, when a sparse index may serve its top-N */
    private static AccessPlan plan(TableDescription table, Map<String, ColumnDomain> domains, int maxKeyLookups,
                                   Optional<String> orderAttribute, Optional<QueryConstraints> query)
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
                    table.rangeKey().map(TableDescription.KeyAttribute::name), table.rangeKey().map(r -> sorts(r, domains, maxKeyLookups / hashValues.get().size())).orElse(List.of())));
        }
        for (TableDescription.Index index : table.indexes()) {
            indexCandidate(table, index, domains, maxKeyLookups, query).ifPresent(candidates::add);
        }
        Optional<Candidate> best = candidates.stream()
                .filter(c -> c.conditions().size() <= maxKeyLookups)
                .max(Comparator.comparing((Candidate c) -> orderAttribute.isPresent() && c.rangeKey().equals(orderAttribute))
                        // An index that holds every matching item reads N items; a sparse one may read the missing ones too.
                        .thenComparing(c -> c.missing().isEmpty())
                        .thenComparing(c -> c.hasSort())
                        .thenComparing(c -> -c.estimate(table))
                        .thenComparing(c -> c.index().isEmpty())
                        .thenComparing(c -> -c.conditions().size())
                        .thenComparing(c -> c.index().orElse(""), Comparator.reverseOrder()));
        if (best.isPresent()) {
            Candidate c = best.get();
            String on = c.index().map(i -> "index " + i).orElse("the table");
            return new AccessPlan.Queries(c.index(), c.conditions(), c.indexAttributes(), c.conditions().size() + " Query(s) on " + on
                    + ": partition key " + c.conditions().get(0).hashKey() + " is fixed"
                    + (c.hasSort() ? ", with a condition on sort key " + c.rangeKey().orElseThrow() : "")
                    + (orderAttribute.isPresent() && c.rangeKey().equals(orderAttribute) ? ", read in the ORDER BY's order" : "")
                    + (c.indexAttributes().isPresent() ? " (a " + table.index(c.index().orElseThrow()).orElseThrow().projectionType()
                    + " index: items are fetched from the table when the query needs other attributes)" : "")
                    + c.missing().map(m -> "; " + m.reason()).orElse(""), c.missing());
        }
        // Every candidate left needs more Queries than allowed: say so, with the cheapest of them.
        Optional<Candidate> fewest = candidates.stream().min(Comparator.comparingInt((Candidate c) -> c.conditions().size()));
        if (fewest.isPresent()) {
            return tooManyLookups(table, fewest.get(), maxKeyLookups);
        }
        return new AccessPlan.Scan("Scan: no predicate fixes the partition key of the table or of a usable index");
    }

    /**
     * A key path exists, but it takes more keys or Queries than max_key_lookups: one per
     * partition-key value (sort-key ranges are already read as their span when there would be
     * too many, so the values alone are over the limit).
     */
    private static AccessPlan.Scan tooManyLookups(TableDescription table, Candidate c, int maxKeyLookups)
    {
        int lookups = c.conditions().size();
        String on = c.index().map(i -> "index " + i).orElse("the table");
        // On a table without a sort key, each value would be one GetItem key.
        String what = c.index().isEmpty() && table.rangeKey().isEmpty() ? "keys" : "Queries";
        return new AccessPlan.Scan("Scan: partition key " + c.conditions().get(0).hashKey() + " of " + on + " is fixed to "
                + lookups + " values, which takes " + lookups + " " + what + ", more than max_key_lookups=" + maxKeyLookups,
                OptionalInt.of(lookups));
    }

    private record Candidate(Optional<String> index, List<KeyCondition> conditions, Optional<String> rangeKey, boolean hasSort,
                             Optional<Set<String>> indexAttributes, Optional<MissingSortKeys> missing)
    {
        Candidate withIndex(Optional<Set<String>> attributes, Optional<MissingSortKeys> missingItems)
        {
            return new Candidate(index, conditions, rangeKey, hasSort, attributes, missingItems);
        }

        /** A KEYS_ONLY or INCLUDE index may need a GetItem per item as well: counted twice. */
        double estimate(TableDescription table)
        {
            return ReadEstimate.items(table, index, conditions) * (indexAttributes.isPresent() ? 2 : 1);
        }
    }

    /** One Query per partition-key value and sort-key range. */
    private static Candidate candidate(Optional<String> index, String hashKey, List<AttributeValue> hashValues, Optional<String> rangeKey,
                                       List<SortCondition> sorts)
    {
        List<KeyCondition> conditions = new ArrayList<>();
        for (AttributeValue v : hashValues) {
            if (sorts.isEmpty()) {
                conditions.add(new KeyCondition(hashKey, v, Optional.empty()));
            }
            sorts.forEach(s -> conditions.add(new KeyCondition(hashKey, v, Optional.of(s))));
        }
        return new Candidate(index, conditions, rangeKey, !sorts.isEmpty(), Optional.empty(), Optional.empty());
    }

    private static Optional<Candidate> indexCandidate(TableDescription table, TableDescription.Index index, Map<String, ColumnDomain> domains,
                                                      int maxKeyLookups, Optional<QueryConstraints> query)
    {
        KeySchema keys = table.keySchema(index);
        Optional<List<AttributeValue>> hashValues = keyValues(keys.hash(), domains);
        if (hashValues.isEmpty()) {
            return Optional.empty();
        }
        List<SortCondition> sorts = List.of();
        Optional<MissingSortKeys> missing = Optional.empty();
        if (keys.range().isPresent()) {
            ColumnDomain rangeDomain = domains.get(keys.range().get().name());
            // Sparse-index safety: items without the index's sort key are not in the index; only a
            // top-N on that key may still use it, completed by a read of the items it lacks.
            if (rangeDomain == null || !rangeDomain.excludesNull()) {
                missing = query.flatMap(q -> SparseIndexTopN.plan(table, index, domains, q, maxKeyLookups));
                if (missing.isEmpty()) {
                    return Optional.empty();
                }
            }
            sorts = sorts(keys.range().get(), domains, maxKeyLookups / hashValues.get().size());
        }
        return Optional.of(candidate(Optional.of(index.name()), index.hashKey(), hashValues.get(), index.rangeKey(), sorts)
                .withIndex(indexAttributes(table, index), missing));
    }

    /** What a KEYS_ONLY or INCLUDE index holds: the table's keys, its own keys, and the included attributes. */
    private static Optional<Set<String>> indexAttributes(TableDescription table, TableDescription.Index index)
    {
        if ("ALL".equals(index.projectionType())) {
            return Optional.empty();
        }
        Set<String> attributes = new HashSet<>();
        attributes.addAll(table.keySchema().names());
        attributes.addAll(table.keySchema(index).names());
        attributes.addAll(index.nonKeyAttributes());
        return Optional.of(attributes);
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

    /**
     * The sort-key conditions for a domain: one per interval when there are several with gaps
     * between them (each Query reads only its range, instead of every item from the first to the
     * last), else one for their span. Intervals that only leave out single values ({@code <>},
     * NOT IN) are read as their span: the gaps hold at most one item each.
     */
    private static List<SortCondition> sorts(TableDescription.KeyAttribute rangeKey, Map<String, ColumnDomain> domains, int maxPerPartition)
    {
        ColumnDomain domain = domains.get(rangeKey.name());
        if (domain == null) {
            return List.of();
        }
        int ranges = domain.intervals().size();
        if (ranges > 1 && ranges <= Math.min(MAX_RANGES_PER_PARTITION, maxPerPartition) && hasGaps(domain)) {
            List<SortCondition> each = new ArrayList<>();
            for (ColumnDomain.Interval interval : domain.intervals()) {
                SortCondition.from(rangeKey.name(), rangeKey.type(), new ColumnDomain(false, List.of(interval))).ifPresent(each::add);
            }
            if (each.size() == domain.intervals().size()) {
                return each;
            }
        }
        return SortCondition.from(rangeKey.name(), rangeKey.type(), domain).map(List::of).orElse(List.of());
    }

    private static boolean hasGaps(ColumnDomain domain)
    {
        for (int i = 1; i < domain.intervals().size(); i++) {
            Optional<ColumnDomain.Bound> high = domain.intervals().get(i - 1).high();
            Optional<ColumnDomain.Bound> low = domain.intervals().get(i).low();
            if (high.isEmpty() || low.isEmpty() || !high.get().value().equals(low.get().value())) {
                return true;
            }
        }
        return false;
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
}
