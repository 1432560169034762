package io.github.athenaddb.jdbc;

import java.util.List;

/**
 * One page of a schema's table names for ListTables: the names after {@code nextToken} (the
 * last name of the previous page), at most {@code pageSize} of them (the SDK's -1: all), and the
 * token of the page after, null on the last page. Names are sorted, so a token stays valid
 * while tables are created or dropped between pages.
 */
record TablePage(List<String> names, String nextToken)
{
    static TablePage of(List<String> sortedNames, String nextToken, int pageSize)
    {
        List<String> after = nextToken == null ? sortedNames
                : sortedNames.stream().filter(n -> n.compareTo(nextToken) > 0).toList();
        if (pageSize < 1 || after.size() <= pageSize) {
            return new TablePage(after, null);
        }
        List<String> page = after.subList(0, pageSize);
        return new TablePage(List.copyOf(page), page.get(page.size() - 1));
    }
}
