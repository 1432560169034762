package io.github.athenaddb.local;

import java.util.ArrayList;
import java.util.List;

/**
 * A script's statements: separated by semicolons outside strings, quoted names and comments; a
 * piece holding only blanks and comments is no statement. Trino's parser takes one statement
 * without its semicolon.
 */
final class ScriptStatements
{
    private ScriptStatements() {}

    static List<String> split(String script)
    {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean code = false;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = quotedEnd(script, i);
                code = true;
            }
            else if (script.startsWith("--", i)) {
                end = script.indexOf('\n', i);
                end = end < 0 ? script.length() : end;
            }
            else if (script.startsWith("/*", i)) {
                end = script.indexOf("*/", i + 2);
                end = end < 0 ? script.length() : end + 2;
            }
            else if (c == ';') {
                addIfCode(out, current, code);
                current.setLength(0);
                code = false;
                i++;
                continue;
            }
            else {
                end = i + 1;
                code |= !Character.isWhitespace(c);
            }
            current.append(script, i, end);
            i = end;
        }
        addIfCode(out, current, code);
        return out;
    }

    /** Past the closing quote; a doubled quote ('it''s') is part of the text. */
    private static int quotedEnd(String script, int start)
    {
        char quote = script.charAt(start);
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    private static void addIfCode(List<String> out, StringBuilder statement, boolean code)
    {
        if (code) {
            out.add(statement.toString().strip());
        }
    }
}
