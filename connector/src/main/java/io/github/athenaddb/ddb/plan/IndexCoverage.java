package io.github.athenaddb.ddb.plan;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Whether a Query on a KEYS_ONLY or INCLUDE index returns every attribute a read needs, or the items must be fetched from the table. */
public final class IndexCoverage
{
    private IndexCoverage() {}

    /**
     * @param indexAttributes what the index holds; empty for the table or an ALL index
     * @param needed the attributes the read projects and its constraints check
     */
    public static boolean needsTableFetch(Optional<Set<String>> indexAttributes, Collection<String> needed)
    {
        return indexAttributes.isPresent() && !indexAttributes.get().containsAll(needed);
    }
}
