package io.github.athenaddb.ddb.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedJsonParserTest
{
    private static Map<String, AttributeValue> parse(String json)
            throws IOException
    {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            parser.nextToken();
            return TypedJsonParser.item(parser);
        }
    }

    @Test
    void readsEveryDynamoDbType()
            throws IOException
    {
        Map<String, AttributeValue> item = parse("{\"s\":{\"S\":\"x\"},\"n\":{\"N\":\"0.0000001\"},\"b\":{\"B\":\"AQI=\"},\"t\":{\"BOOL\":true},"
                + "\"z\":{\"NULL\":true},\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2.5\"]},\"bs\":{\"BS\":[\"AQ==\"]},"
                + "\"l\":{\"L\":[{\"S\":\"a\"},{\"M\":{\"k\":{\"N\":\"1\"}}}]},\"m\":{\"M\":{\"in\":{\"L\":[]}}}}");

        assertThat(item).containsExactly(
                Map.entry("s", AttributeValue.fromS("x")),
                Map.entry("n", AttributeValue.fromN("0.0000001")),
                Map.entry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2}))),
                Map.entry("t", AttributeValue.fromBool(true)),
                Map.entry("z", AttributeValue.fromNul(true)),
                Map.entry("ss", AttributeValue.fromSs(List.of("a", "b"))),
                Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.5"))),
                Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1})))),
                Map.entry("l", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromM(Map.of("k", AttributeValue.fromN("1")))))),
                Map.entry("m", AttributeValue.fromM(Map.of("in", AttributeValue.fromL(List.of())))));
    }

    @Test
    void anUnknownTypeNamesTheAttribute()
    {
        assertThatThrownBy(() -> parse("{\"Total\":{\"X\":\"1\"}}"))
                .isInstanceOf(IOException.class)
                .hasMessage("attribute 'Total' has unknown DynamoDB type 'X'");
    }
}
