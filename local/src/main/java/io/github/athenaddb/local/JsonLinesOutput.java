package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.ResultOutput;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One JSON object per row (JSON Lines), exact numbers. Columns that share a name
 * ({@code SELECT a.sk, b.sk}) are all kept: a JSON reader keeps only one of equal keys, so a
 * repeated name gets a suffix, {@code sk}, {@code sk_2}.
 */
final class JsonLinesOutput
        implements ResultOutput
{
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private final PrintStream out;
    private List<String> keys = List.of();

    JsonLinesOutput(PrintStream out)
    {
        this.out = out;
    }

    static List<String> uniqueKeys(List<String> columns)
    {
        Set<String> taken = new HashSet<>(columns.size());
        List<String> keys = new ArrayList<>(columns.size());
        for (String column : columns) {
            String key = column;
            for (int n = 2; !taken.add(key); n++) {
                key = column + "_" + n;
            }
            keys.add(key);
        }
        return keys;
    }

    @Override
    public void begin(List<String> columns, List<String> types)
    {
        keys = uniqueKeys(columns);
    }

    @Override
    public void row(List<Object> values)
    {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            for (int i = 0; i < keys.size(); i++) {
                g.writeFieldName(keys.get(i));
                ValueText.write(g, values.get(i));
            }
            g.writeEndObject();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(line);
    }

    @Override
    public void end()
    {
        out.flush();
    }
}
