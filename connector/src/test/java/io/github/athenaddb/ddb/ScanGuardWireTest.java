package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.DifferentialTable;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.testing.LocalSettings;
import io.github.athenaddb.testing.TableSizeInterceptor;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** scan_guard_mb through the Lambda wire, on a table DescribeTable reports as 2 GB. */
class ScanGuardWireTest
{
    private static final String TABLE = "GuardedOrders";
    private static LambdaWire wire;
    private static AthenaSequence athena;
    private static Schema schema;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        DifferentialTable.create(dynalite.client(), TABLE);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(Map.of("PK", s("C#" + i), "SK", s("O#1")));
        }
        load(dynalite.client(), TABLE, items);
        TableSizeInterceptor.report(TABLE, 2048L * 1024 * 1024);
        wire = LocalSettings.dynamo(dynalite.endpoint()).with(ConnectorConfig.SCAN_GUARD_MB, "1024").wire();
        athena = new AthenaSequence(wire);
        schema = AthenaSequence.lowerCased(athena.getTable(TABLE.toLowerCase()).getSchema());
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
    }

    @Test
    void anInListLongerThanMaxKeyLookupsIsRefusedForThatReason()
    {
        assertThatThrownBy(() -> splits(pkIn(150)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Refusing to Scan all of table GuardedOrders (2,048 MB, over scan_guard_mb=1,024): partition key PK "
                        + "of the table is fixed to 150 values, which takes 150 Queries, more than max_key_lookups=100.")
                .hasMessageContaining("set max_key_lookups to 150 or more")
                .hasMessageNotContaining("Add = or IN");
    }

    @Test
    void anInListWithinMaxKeyLookupsIsQueried()
    {
        assertThat(splits(pkIn(100))).hasSize(100);
    }

    @Test
    void noKeyPredicateIsRefusedNamingTheKeys()
    {
        assertThatThrownBy(() -> splits(Map.of()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("no predicate fixes the partition key of the table or of a usable index. Add = or IN on PK (partition key)");
    }

    private static Map<String, ValueSet> pkIn(int values)
    {
        Object[] keys = new Object[values];
        for (int i = 0; i < values; i++) {
            keys[i] = "C#" + i;
        }
        return Map.of("pk", IndexedTables.in(wire.allocator(), schema.findField("pk").getType(), keys));
    }

    private static List<?> splits(Map<String, ValueSet> summary)
    {
        return athena.splits("default", TABLE.toLowerCase(), schema,
                new Constraints(summary, List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, Map.of(), null));
    }
}
