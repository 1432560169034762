package io.github.athenaddb.ddb;

import io.github.athenaddb.ConnectorException;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Maps the table name Athena sends (always lower-cased) to the DynamoDB table (case-sensitive).
 * Exactly one table must match ignoring case; when two do, no choice would be safe.
 */
public final class TableNames
{
    private TableNames() {}

    public static String resolve(String requested, Collection<String> tables)
    {
        List<String> matches = tables.stream().filter(t -> t.equalsIgnoreCase(requested)).sorted().collect(Collectors.toList());
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw ConnectorException.notFound("Table '" + requested + "' not found: no DynamoDB table has that name (compared ignoring case)");
        }
        throw ConnectorException.invalidInput("Table '" + requested + "' is ambiguous: DynamoDB tables " + matches
                + " differ only by case, and Athena lower-cases table names. Rename one of them in DynamoDB.");
    }
}
