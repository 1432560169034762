package io.github.athenaddb.local;

import java.util.ArrayList;
import java.util.List;

/** Splitting SQL text into statements, as the shell and the demo's .sql files need. */
final class Statements
{
    private Statements() {}

    /**
     * The statement without surrounding blanks, its trailing semicolon (Trino's client rejects it) and
     * any comment after that semicolon.
     */
    static String strip(String sql)
    {
        List<String> statements = split(sql);
        String s = statements.size() == 1 ? statements.get(0) : sql.strip();
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
        boolean code = false;
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
                code = true;
                i = end;
            }
            else if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? script.length() : end;
                current.append(script, i, end);
                i = end;
            }
            else if (c == '/' && i + 1 < script.length() && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? script.length() : end + 2;
                current.append(script, i, end);
                i = end;
            }
            else if (c == ';') {
                addIfCode(out, current, code);
                current.setLength(0);
                code = false;
                i++;
            }
            else {
                current.append(c);
                code |= !Character.isWhitespace(c);
                i++;
            }
        }
        addIfCode(out, current, code);
        return out;
    }

    /** Adds the statement if it holds anything besides blanks and comments. */
    private static void addIfCode(List<String> out, StringBuilder statement, boolean code)
    {
        if (code) {
            out.add(statement.toString().strip());
        }
    }
}
