package io.github.athenaddb.local;

import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.Tables;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;

/** A small table in the shared dynalite for the local engine's tests: three orders of one customer. */
final class LocalCliTable
{
    static final String NAME = "LocalCliOrders";
    private static boolean created;

    private LocalCliTable() {}

    static synchronized Dynalite dynalite()
    {
        Dynalite dynalite = Dynalite.shared();
        if (!created) {
            Tables.create(dynalite.client(), table(NAME, "pk", ScalarAttributeType.S)
                    .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                    .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N))
                    .build());
            Tables.load(dynalite.client(), NAME, List.of(
                    item(1, "12.50", "Lyon"),
                    item(2, "7.25", "Nantes"),
                    item(3, "100.00", "Lyon")));
            created = true;
        }
        return dynalite;
    }

    private static Map<String, AttributeValue> item(int sk, String total, String city)
    {
        return Map.of("pk", s("c1"), "sk", n(Integer.toString(sk)), "total", n(total),
                "ship", m(Map.of("city", s(city), "zip", n(Integer.toString(69000 + sk)))));
    }
}
