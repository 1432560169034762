package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ddb.table.CaseClashes;
import io.github.athenaddb.ConnectorException;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Athena lower-cases every identifier, so two DynamoDB names that differ only by case cannot be
 * told apart in SQL. Rather than pick one silently (and return the other's values), we refuse.
 * Used for the fields of a map attribute; a table's attributes are kept apart by {@link CaseClashes}.
 */
public final class NameConflicts
{
    private NameConflicts() {}

    public static void requireUnique(Collection<String> names, String where)
    {
        Map<String, String> seen = new HashMap<>();
        for (String name : names) {
            String previous = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (previous != null && !previous.equals(name)) {
                throw ConnectorException.invalidInput("In " + where + ", the names '" + previous + "' and '" + name
                        + "' differ only by case; Athena lower-cases identifiers and cannot tell them apart. "
                        + "Rename one of them in DynamoDB.");
            }
        }
    }
}
