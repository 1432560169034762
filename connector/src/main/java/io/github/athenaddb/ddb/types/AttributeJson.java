package io.github.athenaddb.ddb.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a DynamoDB value as JSON, for VARCHAR columns that hold maps, lists or values of
 * mixed kinds. Numbers stay exact (written from their decimal text), binary becomes base64,
 * sets become arrays, and map keys keep their order as DynamoDB returned them.
 */
public final class AttributeJson
{
    /** Plain notation: BigDecimal.toString would turn DynamoDB's 0.0000001 into 1E-7. */
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private AttributeJson() {}

    public static String toJson(AttributeValue value)
    {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            write(json, value);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, AttributeValue value)
            throws IOException
    {
        if (value == null) {
            json.writeNull();
            return;
        }
        switch (value.type()) {
            case S -> json.writeString(value.s());
            case N -> json.writeNumber(new BigDecimal(value.n()));
            case B -> json.writeString(base64(value.b()));
            case BOOL -> json.writeBoolean(value.bool());
            case NUL -> json.writeNull();
            case SS -> {
                json.writeStartArray();
                for (String s : value.ss()) {
                    json.writeString(s);
                }
                json.writeEndArray();
            }
            case NS -> {
                json.writeStartArray();
                for (String n : value.ns()) {
                    json.writeNumber(new BigDecimal(n));
                }
                json.writeEndArray();
            }
            case BS -> {
                json.writeStartArray();
                for (SdkBytes b : value.bs()) {
                    json.writeString(base64(b));
                }
                json.writeEndArray();
            }
            case L -> {
                json.writeStartArray();
                for (AttributeValue v : value.l()) {
                    write(json, v);
                }
                json.writeEndArray();
            }
            case M -> {
                json.writeStartObject();
                // A map has no order in DynamoDB; by key, the same item always gives the same text.
                for (Map.Entry<String, AttributeValue> e : new TreeMap<>(value.m()).entrySet()) {
                    json.writeFieldName(e.getKey());
                    write(json, e.getValue());
                }
                json.writeEndObject();
            }
            default -> json.writeNull();
        }
    }

    static String base64(SdkBytes bytes)
    {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }
}
