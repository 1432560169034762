package io.github.athenaddb.ddb.table;

import io.github.athenaddb.ConnectorException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Athena lower-cases column names, so DynamoDB attributes that differ only by case ({@code Dup},
 * {@code dup}) fall on one column. Picking one would show the other's values as its own; refusing
 * the table would fail every query on it, even one that never reads them. So the column stays in
 * the schema, and only a query that reads, filters or sorts on it fails, with an error naming the
 * attributes and the Glue {@code columnMapping} that gives each a column of its own.
 */
public final class CaseClashes
{
    private CaseClashes() {}

    /** One column: the attribute it reads, or the attributes that clash on its name (sorted). */
    public record Column(String name, List<String> attributes)
    {
        public Column
        {
            requireNonNull(name, "name is null");
            attributes = List.copyOf(attributes);
            if (attributes.isEmpty()) {
                throw new IllegalArgumentException("a column reads at least one attribute");
            }
        }

        public boolean clashes()
        {
            return attributes.size() > 1;
        }

        public String attribute()
        {
            return attributes.get(0);
        }
    }

    /**
     * The columns of these attributes, in their order; a clash sits where its first attribute
     * would, named in lower case.
     *
     * @param renames attribute to column, from a Glue columnMapping: an attribute named there has
     *     its column to itself, whichever other attribute shares the name ignoring case
     */
    public static List<Column> columns(Collection<String> attributes, Map<String, String> renames)
    {
        Map<String, List<String>> byColumn = new LinkedHashMap<>();
        for (String attribute : attributes) {
            byColumn.computeIfAbsent(renames.getOrDefault(attribute, attribute).toLowerCase(Locale.ROOT), c -> new ArrayList<>()).add(attribute);
        }
        List<Column> columns = new ArrayList<>();
        byColumn.forEach((column, sharing) -> {
            List<String> mapped = sharing.stream().filter(renames::containsKey).toList();
            if (sharing.size() == 1 || mapped.size() == 1) {
                String attribute = sharing.size() == 1 ? sharing.get(0) : mapped.get(0);
                columns.add(new Column(renames.getOrDefault(attribute, attribute), List.of(attribute)));
            }
            else {
                columns.add(new Column(column, sharing.stream().sorted().toList()));
            }
        });
        return columns;
    }

    /** The error for a query that touches a clashing column: one line, with a columnMapping that resolves it. */
    public static ConnectorException error(String table, String column, List<String> attributes)
    {
        return ConnectorException.invalidInput("Column '" + column + "' of table '" + table + "' is ambiguous: DynamoDB attributes "
                + TableNames.quoted(attributes) + " differ only by case, and Athena lower-cases column names. To read them, give each a column of its "
                + "own with the Glue table property columnMapping, e.g. '" + exampleMapping(column, attributes)
                + "' (athena-local: in the --definitions file), or rename one in DynamoDB.");
    }

    /** Every attribute but one gets {@code column_2}, {@code column_3}...: the one spelled as the column keeps it, else the first. */
    static String exampleMapping(String column, List<String> attributes)
    {
        String kept = attributes.contains(column) ? column : attributes.get(0);
        List<String> entries = new ArrayList<>();
        for (String attribute : attributes) {
            if (!attribute.equals(kept)) {
                entries.add(column + "_" + (entries.size() + 2) + "=" + attribute);
            }
        }
        return String.join(",", entries);
    }
}
