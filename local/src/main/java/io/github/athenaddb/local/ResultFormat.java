package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.QueryResult;
import io.github.athenaddb.local.engine.ResultOutput;

import java.io.PrintStream;

/**
 * How rows are printed; every column is kept, a repeated name too. {@code table}: aligned text
 * for people. {@code csv}: RFC 4180 with a header row, NULL as an empty field, decimals in plain
 * notation, binary as base64, arrays, maps and rows as JSON (rows with their field names).
 * {@code json}: one JSON object per row (JSON Lines), decimals as exact JSON numbers, a repeated
 * column name with a suffix ({@code sk}, {@code sk_2}).
 */
enum ResultFormat
{
    TABLE, CSV, JSON;

    /** Where rows go as they arrive. */
    ResultOutput output(PrintStream out)
    {
        return switch (this) {
            case TABLE -> new TableOutput(out);
            case CSV -> new CsvOutput(out);
            case JSON -> new JsonLinesOutput(out);
        };
    }

    void print(QueryResult result, PrintStream out)
    {
        ResultOutput output = output(out);
        output.begin(result.columns(), result.types());
        result.rows().forEach(output::row);
        output.end();
        out.flush();
    }
}
