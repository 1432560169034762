package io.github.athenaddb.local.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The few spellings Athena accepts that Calcite's parser does not, rewritten token by token
 * (strings, quoted identifiers and comments are left alone):
 * <ul>
 * <li>{@code default} and {@code system} as schema names ({@code ddb.default.orders},
 *     {@code TABLE(system.query(...))}): reserved words in Calcite, so they are quoted.</li>
 * <li>Trino function names with a Calcite twin: {@code approx_distinct} → exact
 *     {@code approx_count_distinct}.</li>
 * </ul>
 */
final class AthenaDialect
{
    private static final Map<String, String> FUNCTIONS = Map.of("approx_distinct", "approx_count_distinct");
    /** Schema names Athena users write bare that Calcite reserves: {@code ddb.default.t}, {@code system.query(...)}. */
    private static final Set<String> RESERVED_SCHEMA_NAMES = Set.of("default", "system");

    private AthenaDialect() {}

    static String toCalcite(String sql)
    {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = endOfQuoted(sql, i, c);
                out.append(sql, i, end);
                i = end;
            }
            else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            }
            else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            }
            else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
                    end++;
                }
                out.append(rewrite(sql, i, end));
                i = end;
            }
            else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String rewrite(String sql, int start, int end)
    {
        String word = sql.substring(start, end);
        String lower = word.toLowerCase(Locale.ROOT);
        if (RESERVED_SCHEMA_NAMES.contains(lower) && (charBefore(sql, start) == '.' || charAfter(sql, end) == '.')) {
            return "\"" + lower + "\"";
        }
        if (FUNCTIONS.containsKey(lower) && charAfter(sql, end) == '(') {
            return FUNCTIONS.get(lower);
        }
        return word;
    }

    private static int endOfQuoted(String sql, int start, char quote)
    {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static char charBefore(String sql, int index)
    {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
            i--;
        }
        return i >= 0 ? sql.charAt(i) : ' ';
    }

    private static char charAfter(String sql, int index)
    {
        int i = index;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i < sql.length() ? sql.charAt(i) : ' ';
    }
}
