package io.github.athenaddb.trino.local;

import java.util.List;

/** Where one statement's rows go, as they arrive; values are already plain ({@link ClientValues}). */
interface ResultOutput
{
    void begin(List<String> columns);

    void row(List<Object> values);

    void end();

    static ResultOutput of(String format, java.io.PrintStream out)
    {
        return switch (format) {
            case "table" -> new TableOutput(out);
            case "csv" -> new CsvOutput(out);
            case "json" -> new JsonLinesOutput(out);
            default -> throw new IllegalArgumentException("--format must be table, csv or json, not '" + format + "'");
        };
    }
}
