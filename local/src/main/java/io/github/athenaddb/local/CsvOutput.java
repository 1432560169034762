package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.ResultOutput;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180: a header row (every column, names as Trino gives them), CRLF line ends, NULL as an empty field. */
final class CsvOutput
        implements ResultOutput
{
    private final PrintStream out;

    CsvOutput(PrintStream out)
    {
        this.out = out;
    }

    @Override
    public void begin(List<String> columns, List<String> types)
    {
        out.print(line(new ArrayList<>(columns)));
    }

    @Override
    public void row(List<Object> values)
    {
        List<String> cells = new ArrayList<>();
        values.forEach(v -> cells.add(ValueText.text(v)));
        out.print(line(cells));
    }

    @Override
    public void end()
    {
        out.flush();
    }

    private static String line(List<String> cells)
    {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String s = cells.get(i);
            if (s == null) {
                continue;
            }
            // An empty string is quoted: an unquoted empty field is NULL.
            if (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                line.append('"').append(s.replace("\"", "\"\"")).append('"');
            }
            else {
                line.append(s);
            }
        }
        return line.append("\r\n").toString();
    }
}
