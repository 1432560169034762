package io.github.athenaddb.ddb.plan;

import io.github.athenaddb.ddb.table.EntityFilter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entity view's predicate as column domains by attribute, so that the planner narrows the read
 * with it like a WHERE clause (a key path when the predicate fixes a key).
 */
public final class EntityDomains
{
    private EntityDomains() {}

    /** The equality as one value, the prefix as [prefix, next string after every extension). */
    public static Map<String, ColumnDomain> of(EntityFilter entity)
    {
        Map<String, ColumnDomain> domains = new HashMap<>();
        entity.equality().ifPresent(c -> domains.put(c.attribute(), ColumnDomain.points(c.value())));
        entity.prefix().ifPresent(c -> {
            String p = c.value();
            char last = p.charAt(p.length() - 1);
            Optional<ColumnDomain.Bound> high = last == Character.MAX_VALUE ? Optional.empty()
                    : Optional.of(new ColumnDomain.Bound(p.substring(0, p.length() - 1) + (char) (last + 1), false));
            ColumnDomain range = new ColumnDomain(false, List.of(new ColumnDomain.Interval(
                    Optional.of(new ColumnDomain.Bound(p, true)), high)));
            // Both on one attribute: the equality is the narrower, and the item check applies both.
            domains.putIfAbsent(c.attribute(), range);
        });
        return domains;
    }
}
