package io.github.athenaddb.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Plain values as text (table and csv cells) and as JSON: decimals in plain notation and exact,
 * binary as base64, arrays, maps and rows as JSON with the rows' field names.
 */
final class ValueText
{
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private ValueText() {}

    /** @return null for NULL */
    static String text(Object value)
    {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return json(value);
        }
        return value.toString();
    }

    static String json(Object value)
    {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, value);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static void write(JsonGenerator g, Object value)
            throws IOException
    {
        switch (value) {
            case null -> g.writeNull();
            case BigDecimal d -> g.writeNumber(d);
            case Long l -> g.writeNumber(l);
            case Integer i -> g.writeNumber(i);
            case Short s -> g.writeNumber(s);
            case Byte b -> g.writeNumber(b);
            // NaN and infinities are not JSON numbers: written as the text Trino prints.
            case Double d when d.isNaN() || d.isInfinite() -> g.writeString(d.toString());
            case Float f when f.isNaN() || f.isInfinite() -> g.writeString(f.toString());
            case Double d -> g.writeNumber(d);
            case Float f -> g.writeNumber(f);
            case Boolean b -> g.writeBoolean(b);
            case byte[] b -> g.writeString(Base64.getEncoder().encodeToString(b));
            case List<?> list -> {
                g.writeStartArray();
                for (Object o : list) {
                    write(g, o);
                }
                g.writeEndArray();
            }
            case Map<?, ?> map -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            default -> g.writeString(value.toString());
        }
    }
}
