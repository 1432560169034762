package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.testing.LocalSettings;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The largest segment count scan_segments accepts, on a table with fewer items than segments:
 * every item exactly once. Far more segments than an emulator hashes into (dynalite: 4,096)
 * returned items several times, which is why the count is capped.
 */
class ManySegmentsWireTest
{
    private static final String TABLE = "ManySegments";
    private static final int ITEMS = 700;

    @Test
    void theMostSegmentsAllowedReadEveryItemOnce()
    {
        Dynalite dynalite = Dynalite.shared();
        dynalite.client().createTable(Tables.table(TABLE, "Id", ScalarAttributeType.S).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(Map.of("Id", s("item-" + i), "Value", s("v" + i)));
        }
        Tables.load(dynalite.client(), TABLE, items);
        LocalSettings settings = LocalSettings.dynamo(dynalite.endpoint())
                .with(ConnectorConfig.SCAN_SEGMENTS, Integer.toString(ConnectorConfig.MAX_SCAN_SEGMENTS));

        try (LambdaWire wire = settings.wire()) {
            AthenaSequence athena = new AthenaSequence(wire);
            Schema schema = AthenaSequence.lowerCased(athena.getTable(TABLE.toLowerCase()).getSchema());
            List<Object> ids = new ArrayList<>();
            int splits = athena.read("default", TABLE.toLowerCase(), schema,
                    new Constraints(Map.of(), List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, Map.of(), null), 8,
                    block -> AthenaSequence.rows(block).forEach(row -> ids.add(row.get("id"))));

            assertThat(splits).isEqualTo(ConnectorConfig.MAX_SCAN_SEGMENTS);
            assertThat(ids).hasSize(ITEMS).doesNotHaveDuplicates();
        }
    }
}
