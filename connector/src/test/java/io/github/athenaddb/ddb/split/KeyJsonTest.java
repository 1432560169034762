package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.plan.SortCondition;
import io.github.athenaddb.ddb.plan.KeyCondition;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyJsonTest
{
    private static final AttributeValue BYTES = AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, -1, 127, -128}));

    @Test
    void conditionWithoutSortRoundTrips()
    {
        roundTrip(new KeyCondition("PK", AttributeValue.fromS("CUSTOMER#c1"), Optional.empty()));
    }

    @Test
    void everySortOperatorRoundTrips()
    {
        for (SortCondition.Operator op : SortCondition.Operator.values()) {
            Optional<AttributeValue> upper = op == SortCondition.Operator.BETWEEN ? Optional.of(AttributeValue.fromN("9.5")) : Optional.empty();
            roundTrip(new KeyCondition("PK", AttributeValue.fromN("-12"),
                    Optional.of(new SortCondition("GSI1SK", op, AttributeValue.fromN("1"), upper))));
        }
    }

    @Test
    void unicodeAndAwkwardTextRoundTrips()
    {
        roundTrip(new KeyCondition("prénom \"quoted\" \\ / .dots", AttributeValue.fromS("Àda ✓ 😀 \u0000 \n\t\"{}"),
                Optional.of(new SortCondition("键", SortCondition.Operator.BETWEEN, AttributeValue.fromS("ａ"),
                        Optional.of(AttributeValue.fromS("\uD83D\uDE00z"))))));
    }

    @Test
    void binaryKeysRoundTrip()
    {
        roundTrip(new KeyCondition("Id", BYTES, Optional.of(new SortCondition("Rev", SortCondition.Operator.GE, BYTES, Optional.empty()))));
    }

    @Test
    void primaryKeysRoundTripInOrder()
    {
        Map<String, AttributeValue> first = new LinkedHashMap<>();
        first.put("PK", AttributeValue.fromS("é😀"));
        first.put("SK", AttributeValue.fromN("10"));
        Map<String, AttributeValue> second = new LinkedHashMap<>();
        second.put("PK", BYTES);
        second.put("SK", AttributeValue.fromN("-0.5"));
        List<Map<String, AttributeValue>> keys = List.of(first, second, Map.of("PK", AttributeValue.fromS("")));

        List<Map<String, AttributeValue>> read = KeyJson.readKeys(KeyJson.writeKeys(keys));

        assertThat(read).isEqualTo(keys);
        assertThat(read.get(0).keySet()).containsExactly("PK", "SK");
    }

    @Test
    void noKeysRoundTrips()
    {
        assertThat(KeyJson.readKeys(KeyJson.writeKeys(List.of()))).isEmpty();
    }

    @Test
    void nonScalarKeyValuesAreRefused()
    {
        KeyCondition list = new KeyCondition("PK", AttributeValue.fromL(List.of()), Optional.empty());

        assertThatThrownBy(() -> KeyJson.write(list)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S, N, B or BOOL");
    }

    @Test
    void invalidTextIsAnIllegalArgument()
    {
        assertThatThrownBy(() -> KeyJson.readCondition("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> KeyJson.readKeys("[{\"PK\":{\"L\":[]}}]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a key value");
        assertThatThrownBy(() -> KeyJson.readCondition("{\"hashKey\":\"PK\",\"hash\":{\"S\":\"a\"},\"sort\":{\"attribute\":\"SK\","
                + "\"operator\":\"LIKE\",\"value\":{\"S\":\"b\"}}}")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void roundTrip(KeyCondition condition)
    {
        String text = KeyJson.write(condition);
        KeyCondition read = KeyJson.readCondition(text);
        assertThat(read).as(text).isEqualTo(condition);
        assertThat(read.expression()).isEqualTo(condition.expression());
        assertThat(read.values()).isEqualTo(condition.values());
    }
}
