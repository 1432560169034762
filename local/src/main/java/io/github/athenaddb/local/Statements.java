package io.github.athenaddb.local;

import java.util.ArrayList;
import java.util.List;

/** Splitting SQL text into statements, as the shell and the demo's .sql files need. */
final class Statements
{
    private Statements() {}

    /** The statement without surrounding blanks and its trailing semicolon (Calcite rejects it). */
    static String strip(String sql)
    {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** Statements separated by semicolons outside strings, quoted names and comments. */
    static List<String> split(String script)
    {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"') {
                int end = script.indexOf(c, i + 1);
                while (end > 0 && end + 1 < script.length() && script.charAt(end + 1) == c) {
                    end = script.indexOf(c, end + 2);
                }
                end = end < 0 ? script.length() : end + 1;
                current.append(script, i, end);
                i = end;
            }
            else if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? script.length() : end;
                current.append(script, i, end);
                i = end;
            }
            else if (c == ';') {
                addIfNotBlank(out, current);
                current.setLength(0);
                i++;
            }
            else {
                current.append(c);
                i++;
            }
        }
        addIfNotBlank(out, current);
        return out;
    }

    private static void addIfNotBlank(List<String> out, StringBuilder statement)
    {
        String s = statement.toString().strip();
        boolean onlyComments = s.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"));
        if (!s.isEmpty() && !onlyComments) {
            out.add(s);
        }
    }
}
