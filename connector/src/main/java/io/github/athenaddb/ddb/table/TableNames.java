package io.github.athenaddb.ddb.table;

import io.github.athenaddb.ConnectorException;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps a table name to the DynamoDB table (case-sensitive). A table spelled exactly as asked is
 * that table, as with DynamoDB's own DescribeTable: a Glue {@code sourceTable} then reaches either
 * of two tables that differ only by case, and creating {@code Orders} does not take queries on
 * {@code orders} away from it. Otherwise exactly one table must match ignoring case (Athena
 * lower-cases names, so {@code orders} reaches {@code Orders}); when several do, no choice would
 * be safe, and the caller says how to pick one.
 */
public final class TableNames
{
    private TableNames() {}

    /** @param ambiguous the error for several tables that match only ignoring case (sorted, as {@link #quoted} lists them) */
    public static String resolve(String requested, Collection<String> tables, Function<List<String>, ConnectorException> ambiguous)
    {
        if (tables.contains(requested)) {
            return requested;
        }
        List<String> matches = tables.stream().filter(t -> t.equalsIgnoreCase(requested)).sorted().collect(Collectors.toList());
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw ConnectorException.notFound("Table '" + requested + "' not found: no DynamoDB table has that name (compared ignoring case)");
        }
        throw ambiguous.apply(matches);
    }

    /** {@code 'A' and 'B'}, or {@code 'A', 'B' and 'C'}. */
    public static String quoted(List<String> names)
    {
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        return quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }
}
