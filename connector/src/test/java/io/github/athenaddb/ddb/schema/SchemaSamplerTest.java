package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ddb.table.EntityFilter;
import io.github.athenaddb.ddb.table.TableDescription;
import io.github.athenaddb.devkit.Dynalite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sample against dynalite: its size, its spread over segments, and an entity's sample holding only that entity. */
class SchemaSamplerTest
{
    private static final String TABLE = "Sampled";
    private static final TableDescription DESCRIPTION = new TableDescription(TABLE, new TableDescription.KeyAttribute("PK", "S"),
            Optional.empty(), List.of(), 0, 0);
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void setUp()
    {
        dynamo = Dynalite.shared().client();
        dynamo.createTable(table(TABLE, "PK", ScalarAttributeType.S).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            items.add(Map.of("PK", s("K" + i), "Type", s(i % 10 == 0 ? "Rare" : "Common")));
        }
        load(dynamo, TABLE, items);
    }

    @Test
    void theSampleHasItsSizeAcrossTheSegments()
    {
        assertThat(new SchemaSampler(dynamo, 100, 4).sample(DESCRIPTION)).hasSize(100);
        assertThat(new SchemaSampler(dynamo, 90, 3).sample(DESCRIPTION)).hasSize(90).doesNotHaveDuplicates();
        assertThat(new SchemaSampler(dynamo, 5000, 2).sample(DESCRIPTION)).as("a table smaller than the sample").hasSize(400);
    }

    @Test
    void anEntitySampleHoldsOnlyThatEntity()
    {
        EntityFilter rare = new EntityFilter(Optional.of(new EntityFilter.Condition("Type", "Rare")), Optional.empty());

        List<Map<String, AttributeValue>> sample = new SchemaSampler(dynamo, 20, 2).sample(DESCRIPTION, Optional.of(rare));

        assertThat(sample).hasSize(20).allSatisfy(item -> assertThat(item.get("Type").s()).isEqualTo("Rare"));
    }

    @Test
    void theSampleStopsAtItsShareOfTheBytes()
    {
        String table = "SampledLarge";
        dynamo.createTable(table(table, "PK", ScalarAttributeType.S).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(Map.of("PK", s("K" + i), "Payload", s("x".repeat(3000))));
        }
        load(dynamo, table, items);
        TableDescription large = new TableDescription(table, new TableDescription.KeyAttribute("PK", "S"), Optional.empty(), List.of(), 0, 0);

        // 64 KB over 2 segments: 32 KB each, about 10 items of 3 KB; the item count alone would read all 200.
        List<Map<String, AttributeValue>> sample = new SchemaSampler(dynamo, new SampleSettings(1000, 2, 64 * 1024)).sample(large);

        assertThat(sample).hasSizeBetween(10, 24);
    }

    @Test
    void segmentsOutOfRangeAreRefused()
    {
        assertThatThrownBy(() -> new SchemaSampler(dynamo, 10, 0)).hasMessageContaining("schema_sample_segments='0'");
        assertThatThrownBy(() -> SampleSettings.fromConfig(10, Map.of("schema_sample_segments", "many")))
                .hasMessageContaining("expected an integer from 1 to 1000");
        assertThat(SampleSettings.fromConfig(10, Map.of()).segments()).isEqualTo(4);
    }
}
