package io.github.athenaddb.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Prints rows as an aligned text table, cutting long values so a row fits a terminal line. */
final class TextTable
{
    static final int MAX_CELL = 40;

    private TextTable() {}

    static void print(PrintStream out, List<String> columns, List<Map<String, Object>> rows)
    {
        List<String[]> cells = new ArrayList<>();
        int[] widths = columns.stream().mapToInt(String::length).toArray();
        for (Map<String, Object> row : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < line.length; i++) {
                line[i] = cell(row.get(columns.get(i)));
                widths[i] = Math.max(widths[i], line[i].length());
            }
            cells.add(line);
        }
        out.println(line(columns.toArray(new String[0]), widths));
        out.println(rule(widths));
        cells.forEach(c -> out.println(line(c, widths)));
    }

    private static String cell(Object value)
    {
        String text = value == null ? "NULL" : value instanceof byte[] b ? Arrays.toString(b) : value.toString();
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
    }

    private static String line(String[] values, int[] widths)
    {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "| " : " | ").append(String.format("%-" + widths[i] + "s", values[i]));
        }
        return sb.append(" |").toString();
    }

    private static String rule(int[] widths)
    {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            sb.append(i == 0 ? "|-" : "-|-").append("-".repeat(widths[i]));
        }
        return sb.append("-|").toString();
    }
}
