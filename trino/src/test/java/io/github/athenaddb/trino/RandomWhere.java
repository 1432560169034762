package io.github.athenaddb.trino;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static java.util.Objects.requireNonNull;

/**
 * Random WHERE clauses as a user writes them: {@code =}, IN lists (longer than the connector's key
 * budget too), ranges and BETWEEN, {@code <>}, IS [NOT] NULL, OR of ranges, {@code LIKE 'prefix%'}
 * and NOT IN, on values the table holds and values it does not, several columns joined by AND;
 * and for some cases a LIMIT, half of them with an ORDER BY (made total by the key columns, so
 * that the rows of a top-N are determined).
 */
final class RandomWhere
{
    /** A column and the values to compare it with: text (a SQL string literal is made of each) or numbers as SQL literals. */
    record Column(String name, boolean text, List<String> values, double weight)
    {
        Column
        {
            requireNonNull(name, "name is null");
            values = List.copyOf(values);
        }
    }

    /** @param limit -1 for none; {@code orderBy} empty for a plain LIMIT */
    record Case(int id, String where, String orderBy, long limit)
    {
        String kind()
        {
            return limit < 0 ? "no limit" : orderBy.isEmpty() ? "limit" : "top-n";
        }

        /**
         * The query's tail after FROM. For the reference, a plain LIMIT is left out (any rows of
         * the pushdown's are then checked against all matching rows); a top-N is kept, since
         * Trino sorts and cuts it in both catalogs.
         */
        String tail(boolean reference)
        {
            String sql = where.isEmpty() ? "" : " WHERE " + where;
            if (limit >= 0 && !(reference && orderBy.isEmpty())) {
                sql += (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy) + " LIMIT " + limit;
            }
            return sql;
        }
    }

    private final Random random;
    private final List<Column> columns;

    RandomWhere(Random random, List<Column> columns)
    {
        this.random = requireNonNull(random, "random is null");
        this.columns = List.copyOf(columns);
    }

    Case next(int id)
    {
        Map<String, String> predicates = new LinkedHashMap<>();
        for (Column column : columns) {
            if (random.nextDouble() < column.weight()) {
                predicates.put(column.name(), predicate(column));
            }
        }
        String where = String.join(" AND ", predicates.values());
        if (random.nextDouble() >= 0.35) {
            return new Case(id, where, "", -1);
        }
        long limit = random.nextInt(16);
        if (random.nextBoolean()) {
            return new Case(id, where, "", limit);
        }
        Column column = columns.get(random.nextInt(columns.size()));
        String orderBy = column.name() + (random.nextBoolean() ? " ASC" : " DESC") + (random.nextBoolean() ? " NULLS FIRST" : " NULLS LAST")
                + ", pk, sk";
        return new Case(id, where, orderBy, limit);
    }

    private String predicate(Column column)
    {
        String c = column.name();
        int forms = column.text() ? 12 : 11;
        return switch (random.nextInt(forms)) {
            case 0 -> c + " = " + value(column);
            // Mostly short lists, so that pk IN × sk IN fits the key budget (BatchGetItem), sometimes longer ones.
            case 1 -> c + " IN (" + values(column, 1 + random.nextInt(random.nextBoolean() ? 2 : 9)) + ")";
            case 2 -> c + " " + List.of("<", "<=", ">", ">=").get(random.nextInt(4)) + " " + value(column);
            case 3 -> c + " BETWEEN " + value(column) + " AND " + value(column);
            case 4 -> c + " <> " + value(column);
            case 5 -> c + " IS NULL";
            case 6 -> c + " IS NOT NULL";
            case 7 -> "(" + c + " < " + value(column) + " OR " + c + " > " + value(column) + ")";
            case 8 -> "(" + c + " BETWEEN " + value(column) + " AND " + value(column) + " OR " + c + " = " + value(column) + ")";
            case 9 -> "(" + c + " = " + value(column) + " OR " + c + " IS NULL)";
            case 10 -> c + " NOT IN (" + values(column, 1 + random.nextInt(3)) + ")";
            default -> c + " LIKE " + text(prefix(column) + "%");
        };
    }

    private String values(Column column, int count)
    {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(value(column));
        }
        return String.join(", ", values);
    }

    private String value(Column column)
    {
        String value = pick(column.values());
        return column.text() ? text(value) : value;
    }

    /** The first one or two code points of a value: LIKE 'p%' is a range on the column, as Trino extracts it. */
    private String prefix(Column column)
    {
        String value = pick(column.values());
        int points = Math.min(value.codePointCount(0, value.length()), 1 + random.nextInt(2));
        return value.substring(0, value.offsetByCodePoints(0, points)).replace("%", "").replace("_", "");
    }

    private String pick(List<String> values)
    {
        return values.get(random.nextInt(values.size()));
    }

    /** A SQL string literal; anything but printable ASCII as a Unicode escape ({@code U&'\00E9'}), so that NUL and lone surrogates survive. */
    static String text(String value)
    {
        boolean plain = value.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f);
        if (plain) {
            return "'" + value.replace("'", "''") + "'";
        }
        StringBuilder escaped = new StringBuilder("U&'");
        value.codePoints().forEach(point -> {
            if (point == '\\') {
                escaped.append("\\\\");
            }
            else if (point == '\'') {
                escaped.append("''");
            }
            else if (point >= 0x20 && point < 0x7f) {
                escaped.appendCodePoint(point);
            }
            else if (point <= 0xffff) {
                escaped.append(String.format("\\%04X", point));
            }
            else {
                escaped.append(String.format("\\+%06X", point));
            }
        });
        return escaped.append("'").toString();
    }
}
