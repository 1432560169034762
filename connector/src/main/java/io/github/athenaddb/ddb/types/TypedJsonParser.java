package io.github.athenaddb.ddb.types;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads DynamoDB JSON (each value an object with one type key, {@code {"S": "x"}}, as DynamoDB's
 * S3 export and the AWS CLI write it) token by token from a parser: an export's data files hold
 * millions of items, so no tree is built for each.
 */
public final class TypedJsonParser
{
    private TypedJsonParser() {}

    /** The attributes of the object the parser is at (its START_OBJECT); leaves the parser at its END_OBJECT. */
    public static Map<String, AttributeValue> item(JsonParser json)
            throws IOException
    {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            item.put(name, value(json, name));
        }
        return item;
    }

    private static AttributeValue value(JsonParser json, String name)
            throws IOException
    {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        if (json.nextToken() != JsonToken.FIELD_NAME) {
            throw new IOException("attribute '" + name + "' has no type key, at " + json.currentLocation());
        }
        String type = json.currentName();
        json.nextToken();
        AttributeValue value = switch (type) {
            case "S" -> AttributeValue.fromS(json.getText());
            case "N" -> AttributeValue.fromN(json.getText());
            case "B" -> AttributeValue.fromB(bytes(json.getText()));
            case "BOOL" -> AttributeValue.fromBool(json.getBooleanValue());
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> AttributeValue.fromSs(texts(json));
            case "NS" -> AttributeValue.fromNs(texts(json));
            case "BS" -> AttributeValue.fromBs(texts(json).stream().map(TypedJsonParser::bytes).toList());
            case "L" -> AttributeValue.fromL(list(json, name));
            case "M" -> AttributeValue.fromM(item(json));
            default -> throw new IOException("attribute '" + name + "' has unknown DynamoDB type '" + type + "'");
        };
        expect(json, json.nextToken(), JsonToken.END_OBJECT);
        return value;
    }

    private static List<AttributeValue> list(JsonParser json, String name)
            throws IOException
    {
        expect(json, json.currentToken(), JsonToken.START_ARRAY);
        List<AttributeValue> values = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            values.add(value(json, name + "[]"));
        }
        return values;
    }

    private static List<String> texts(JsonParser json)
            throws IOException
    {
        expect(json, json.currentToken(), JsonToken.START_ARRAY);
        List<String> texts = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            texts.add(json.getText());
        }
        return texts;
    }

    private static SdkBytes bytes(String base64)
    {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
    }

    private static void expect(JsonParser json, JsonToken actual, JsonToken expected)
            throws IOException
    {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual + " at " + json.currentLocation());
        }
    }
}
