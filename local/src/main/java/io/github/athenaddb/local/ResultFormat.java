package io.github.athenaddb.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.github.athenaddb.local.engine.QueryResult;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How rows are printed. {@code table}: aligned text for people. {@code csv}: RFC 4180 with a
 * header row, NULL as an empty field, decimals in plain notation, binary as base64, arrays and rows as JSON.
 * {@code json}: one JSON object per row (JSON Lines), decimals as exact JSON numbers.
 */
enum ResultFormat
{
    TABLE, CSV, JSON;

    /** Athena prints timestamps with milliseconds: 2026-10-01 00:00:00.000. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final JsonFactory JSON_FACTORY = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    void print(QueryResult result, PrintStream out)
    {
        switch (this) {
            case TABLE -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (List<Object> row : result.rows()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < row.size(); i++) {
                        m.put(result.columns().get(i), text(row.get(i)));
                    }
                    rows.add(m);
                }
                TextTable.print(out, result.columns(), rows);
            }
            case CSV -> {
                out.print(csvLine(new ArrayList<>(result.columns())));
                for (List<Object> row : result.rows()) {
                    List<Object> cells = new ArrayList<>();
                    row.forEach(v -> cells.add(v == null ? null : text(v)));
                    out.print(csvLine(cells));
                }
            }
            case JSON -> result.rows().forEach(row -> out.println(jsonRow(result.columns(), row)));
        }
        out.flush();
    }

    /** Text of a value as csv and table show it. */
    static String text(Object value)
    {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Timestamp t) {
            return TIMESTAMP.format(t.toLocalDateTime());
        }
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return json(value);
        }
        return value.toString();
    }

    private static String csvLine(List<Object> cells)
    {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            String s = cell.toString();
            if (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                line.append('"').append(s.replace("\"", "\"\"")).append('"');
            }
            else {
                line.append(s);
            }
        }
        return line.append("\r\n").toString();
    }

    private static String jsonRow(List<String> columns, List<Object> row)
    {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.put(columns.get(i), row.get(i));
        }
        return json(m);
    }

    static String json(Object value)
    {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON_FACTORY.createGenerator(out)) {
            write(g, value);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value)
            throws IOException
    {
        if (value == null) {
            g.writeNull();
        }
        else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        }
        else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        }
        else if (value instanceof Double || value instanceof Float) {
            g.writeNumber(((Number) value).doubleValue());
        }
        else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        }
        else if (value instanceof Timestamp t) {
            g.writeString(text(t));
        }
        else if (value instanceof byte[] b) {
            g.writeString(Base64.getEncoder().encodeToString(b));
        }
        else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                write(g, o);
            }
            g.writeEndArray();
        }
        else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        }
        else {
            g.writeString(value.toString());
        }
    }
}
