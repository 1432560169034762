package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.ResultOutput;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Aligned text for people: every row is held until the end, to size the columns. */
final class TableOutput
        implements ResultOutput
{
    // A long value (a JSON document, a nested row) is cut so that a row still fits a terminal line.
    static final int MAX_CELL = 60;

    private final PrintStream out;
    private List<String> columns = List.of();
    private final List<String[]> rows = new ArrayList<>();

    TableOutput(PrintStream out)
    {
        this.out = out;
    }

    @Override
    public void begin(List<String> columns, List<String> types)
    {
        this.columns = List.copyOf(columns);
        rows.clear();
    }

    @Override
    public void row(List<Object> values)
    {
        String[] cells = new String[values.size()];
        for (int i = 0; i < cells.length; i++) {
            String text = ValueText.text(values.get(i));
            text = text == null ? "NULL" : text.replace('\n', ' ');
            cells[i] = text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
        }
        rows.add(cells);
    }

    @Override
    public void end()
    {
        int[] widths = columns.stream().mapToInt(String::length).toArray();
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        out.println(line(columns.toArray(new String[0]), widths));
        out.println(rule(widths));
        rows.forEach(r -> out.println(line(r, widths)));
        out.flush();
    }

    private static String line(String[] values, int[] widths)
    {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "| " : " | ").append(values[i]).append(" ".repeat(widths[i] - values[i].length()));
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
