package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.testing.CapacityMeter;
import io.github.athenaddb.testing.LocalSettings;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * max_read_units_per_second end to end: a read of about 740 units under a cap of 200, asked for
 * 8 segments and read 4 splits at a time as athena-local reads them. The units DynamoDB reports
 * per second stay under the cap over the whole read, and not far below it while DynamoDB is read
 * (measured on 2 loaded cores: 190-194 units/s; 136-158 over the whole read, which includes the
 * first 1 MB pages' latency and the response's trip back). Split by 8, 4 at a time, the cap
 * allowed at most half of itself: 86 units/s over the whole read.
 */
class ReadRateCapWireTest
{
    private static final String TABLE = "RateCapped";
    private static final double CAP = 200;

    @Test
    void aMultiSplitReadRunsNearTheCapAndNeverAboveIt()
    {
        Dynalite dynalite = Dynalite.shared();
        dynalite.client().createTable(Tables.table(TABLE, "Id", ScalarAttributeType.S).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            // About 2 KB each: 3,000 items are some 740 read units (4 KB per half unit, eventually consistent).
            items.add(Map.of("Id", s("item-" + i), "Pad", s("p".repeat(2000))));
        }
        Tables.load(dynalite.client(), TABLE, items);
        LocalSettings settings = LocalSettings.dynamo(dynalite.endpoint())
                .with(ConnectorConfig.SCAN_SEGMENTS, "8")
                .with(ConnectorConfig.MAX_READ_UNITS_PER_SECOND, Integer.toString((int) CAP));

        try (LambdaWire wire = settings.wire()) {
            AthenaSequence athena = new AthenaSequence(wire);
            Schema schema = AthenaSequence.lowerCased(athena.getTable(TABLE.toLowerCase()).getSchema());
            CapacityMeter.watch(TABLE);
            AtomicLong rows = new AtomicLong();
            long start = System.nanoTime();
            int splits = athena.read("default", TABLE.toLowerCase(), schema,
                    new Constraints(Map.of(), List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, Map.of(), null), 4,
                    block -> rows.addAndGet(block.getRowCount()));
            long end = System.nanoTime();
            List<CapacityMeter.Response> responses = CapacityMeter.responses(TABLE);

            assertThat(rows.get()).isEqualTo(items.size());
            // 200 units/s need 2 splits of 100, not 8 of 25.
            assertThat(splits).isEqualTo(2);
            double units = responses.stream().mapToDouble(CapacityMeter.Response::units).sum();
            assertThat(units).as("units read").isGreaterThan(600);
            // Every unit is paid for before its split ends: over the whole read the cap holds, with a little slack for the clock.
            assertThat(units / seconds(start, end)).as("units per second over the read").isLessThanOrEqualTo(CAP * 1.02);
            // While DynamoDB is read: from the first responses (one 1 MB page per split, read at once) to the last. Generous
            // for a loaded 2-core machine; before the cap was planned by splits, 8 splits of 25, 4 at a time, read at under half.
            int first = splits;
            double after = responses.stream().skip(first).mapToDouble(CapacityMeter.Response::units).sum();
            double reading = seconds(responses.get(first - 1).nanos(), responses.get(responses.size() - 1).nanos());
            assertThat(after / reading).as("units per second after the first pages, over %.1f s", reading).isGreaterThan(CAP * 0.6);
        }
    }

    private static double seconds(long fromNanos, long toNanos)
    {
        return (toNanos - fromNanos) / 1e9;
    }
}
