package io.github.athenaddb.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the files in examples/: CreateTable definitions and items in DynamoDB JSON (the format
 * of the AWS CLI and of DynamoDB's S3 export), one item per line.
 */
public final class DynamoJson
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private DynamoJson() {}

    public static List<Map<String, AttributeValue>> readItems(Path jsonLines)
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(jsonLines, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    items.add(item(JSON.readTree(line)));
                }
                catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(jsonLines + " line " + number + ": " + e.getMessage(), e);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    public static Map<String, AttributeValue> item(JsonNode node)
    {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> item.put(e.getKey(), value(e.getKey(), e.getValue())));
        return item;
    }

    static AttributeValue value(String name, JsonNode typed)
    {
        if (!typed.isObject() || typed.size() != 1) {
            throw new IllegalArgumentException("attribute '" + name + "' must be an object with one type key such as {\"S\": \"x\"}");
        }
        Map.Entry<String, JsonNode> e = typed.fields().next();
        JsonNode v = e.getValue();
        switch (e.getKey()) {
            case "S":
                return AttributeValue.fromS(v.asText());
            case "N":
                return AttributeValue.fromN(v.asText());
            case "B":
                return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
            case "BOOL":
                return AttributeValue.fromBool(v.asBoolean());
            case "NULL":
                return AttributeValue.fromNul(true);
            case "SS":
                return AttributeValue.fromSs(texts(v));
            case "NS":
                return AttributeValue.fromNs(texts(v));
            case "BS":
                return AttributeValue.fromBs(texts(v).stream().map(b -> SdkBytes.fromByteArray(Base64.getDecoder().decode(b))).toList());
            case "L": {
                List<AttributeValue> list = new ArrayList<>();
                v.forEach(x -> list.add(value(name + "[]", x)));
                return AttributeValue.fromL(list);
            }
            case "M":
                return AttributeValue.fromM(item(v));
            default:
                throw new IllegalArgumentException("attribute '" + name + "' has unknown DynamoDB type '" + e.getKey() + "'");
        }
    }

    private static List<String> texts(JsonNode array)
    {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    public static CreateTableRequest createTable(Path definition)
    {
        try {
            JsonNode t = JSON.readTree(definition.toFile());
            CreateTableRequest.Builder b = CreateTableRequest.builder()
                    .tableName(t.path("TableName").asText())
                    .billingMode(t.path("BillingMode").asText("PAY_PER_REQUEST"))
                    .keySchema(keySchema(t.path("KeySchema")));
            List<software.amazon.awssdk.services.dynamodb.model.AttributeDefinition> defs = new ArrayList<>();
            t.path("AttributeDefinitions").forEach(d -> defs.add(software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder()
                    .attributeName(d.path("AttributeName").asText()).attributeType(d.path("AttributeType").asText()).build()));
            b.attributeDefinitions(defs);
            List<GlobalSecondaryIndex> gsis = new ArrayList<>();
            t.path("GlobalSecondaryIndexes").forEach(g -> gsis.add(GlobalSecondaryIndex.builder().indexName(g.path("IndexName").asText())
                    .keySchema(keySchema(g.path("KeySchema"))).projection(projection(g.path("Projection"))).build()));
            List<LocalSecondaryIndex> lsis = new ArrayList<>();
            t.path("LocalSecondaryIndexes").forEach(l -> lsis.add(LocalSecondaryIndex.builder().indexName(l.path("IndexName").asText())
                    .keySchema(keySchema(l.path("KeySchema"))).projection(projection(l.path("Projection"))).build()));
            if (!gsis.isEmpty()) {
                b.globalSecondaryIndexes(gsis);
            }
            if (!lsis.isEmpty()) {
                b.localSecondaryIndexes(lsis);
            }
            return b.build();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<KeySchemaElement> keySchema(JsonNode keys)
    {
        List<KeySchemaElement> out = new ArrayList<>();
        keys.forEach(k -> out.add(KeySchemaElement.builder().attributeName(k.path("AttributeName").asText())
                .keyType(k.path("KeyType").asText()).build()));
        return out;
    }

    private static Projection projection(JsonNode p)
    {
        Projection.Builder b = Projection.builder().projectionType(p.path("ProjectionType").asText("ALL"));
        if (p.has("NonKeyAttributes")) {
            b.nonKeyAttributes(texts(p.path("NonKeyAttributes")));
        }
        return b.build();
    }
}
