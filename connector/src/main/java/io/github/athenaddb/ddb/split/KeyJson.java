package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.plan.FilterCondition;
import io.github.athenaddb.ddb.plan.SortCondition;
import io.github.athenaddb.ddb.plan.KeyCondition;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Key conditions, primary keys and filters as JSON text, to travel in split properties. */
public final class KeyJson
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyJson() {}

    public static String write(KeyCondition condition)
    {
        ObjectNode node = JSON.createObjectNode();
        node.put("hashKey", condition.hashKey());
        node.set("hash", value(condition.hashValue()));
        condition.sort().ifPresent(s -> {
            ObjectNode sort = node.putObject("sort");
            sort.put("attribute", s.attribute());
            sort.put("operator", s.operator().name());
            sort.set("value", value(s.value()));
            s.upper().ifPresent(u -> sort.set("upper", value(u)));
        });
        return node.toString();
    }

    public static KeyCondition readCondition(String text)
    {
        JsonNode node = parse(text);
        Optional<SortCondition> sort = Optional.empty();
        if (node.has("sort")) {
            JsonNode s = node.get("sort");
            sort = Optional.of(new SortCondition(s.get("attribute").asText(), SortCondition.Operator.valueOf(s.get("operator").asText()),
                    value(s.get("value")), s.has("upper") ? Optional.of(value(s.get("upper"))) : Optional.empty()));
        }
        return new KeyCondition(node.get("hashKey").asText(), value(node.get("hash")), sort);
    }

    public static String writeKeys(List<Map<String, AttributeValue>> keys)
    {
        ArrayNode array = JSON.createArrayNode();
        for (Map<String, AttributeValue> key : keys) {
            ObjectNode k = array.addObject();
            key.forEach((name, v) -> k.set(name, value(v)));
        }
        return array.toString();
    }

    public static List<Map<String, AttributeValue>> readKeys(String text)
    {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (JsonNode k : parse(text)) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = k.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                key.put(e.getKey(), value(e.getValue()));
            }
            keys.add(key);
        }
        return keys;
    }

    public static String writeConditions(List<KeyCondition> conditions)
    {
        ArrayNode array = JSON.createArrayNode();
        conditions.forEach(c -> array.add(parse(write(c))));
        return array.toString();
    }

    public static List<KeyCondition> readConditions(String text)
    {
        List<KeyCondition> conditions = new ArrayList<>();
        for (JsonNode c : parse(text)) {
            conditions.add(readCondition(c.toString()));
        }
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("no key condition");
        }
        return conditions;
    }

    public static String writeNames(Collection<String> names)
    {
        ArrayNode array = JSON.createArrayNode();
        names.forEach(array::add);
        return array.toString();
    }

    public static Set<String> readNames(String text)
    {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode n : parse(text)) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("not an attribute name: " + n);
            }
            names.add(n.asText());
        }
        return names;
    }

    public static String write(FilterCondition filter)
    {
        ObjectNode node = JSON.createObjectNode();
        node.put("expression", filter.expression());
        ObjectNode names = node.putObject("names");
        filter.names().forEach(names::put);
        ObjectNode values = node.putObject("values");
        filter.values().forEach((k, v) -> values.set(k, value(v)));
        return node.toString();
    }

    public static FilterCondition readFilter(String text)
    {
        JsonNode node = parse(text);
        Map<String, String> names = new LinkedHashMap<>();
        node.get("names").fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        node.get("values").fields().forEachRemaining(e -> values.put(e.getKey(), value(e.getValue())));
        return new FilterCondition(node.get("expression").asText(), names, values);
    }

    private static ObjectNode value(AttributeValue v)
    {
        ObjectNode node = JSON.createObjectNode();
        switch (v.type()) {
            case S -> node.put("S", v.s());
            case N -> node.put("N", v.n());
            case B -> node.put("B", Base64.getEncoder().encodeToString(v.b().asByteArrayUnsafe()));
            case BOOL -> node.put("BOOL", v.bool());
            default -> throw new IllegalArgumentException("key and filter values are S, N, B or BOOL, not " + v.type());
        }
        return node;
    }

    private static AttributeValue value(JsonNode node)
    {
        if (node.has("S")) {
            return AttributeValue.fromS(node.get("S").asText());
        }
        if (node.has("N")) {
            return AttributeValue.fromN(node.get("N").asText());
        }
        if (node.has("B")) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(node.get("B").asText())));
        }
        if (node.has("BOOL")) {
            return AttributeValue.fromBool(node.get("BOOL").asBoolean());
        }
        throw new IllegalArgumentException("not a key value: " + node);
    }

    private static JsonNode parse(String text)
    {
        try {
            return JSON.readTree(text);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
    }
}
