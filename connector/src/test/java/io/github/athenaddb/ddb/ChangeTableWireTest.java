package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.EquatableValueSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.testing.LocalSettings;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code <table>$changes} through the wire, against moto_server's DynamoDB and DynamoDB Streams (dynalite has no streams). */
class ChangeTableWireTest
{
    private static MotoServer moto;
    private static LambdaWire wire;
    private static AthenaSequence athena;

    @BeforeAll
    static void setUp()
    {
        moto = MotoServer.start();
        try (DynamoDbClient dynamo = Tables.client(moto.endpoint(), "us-east-1")) {
            dynamo.createTable(Tables.table("Orders", "PK", ScalarAttributeType.S)
                    .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                    .build());
            dynamo.createTable(Tables.table("Quiet", "PK", ScalarAttributeType.S).build());
            // Items written before its stream was enabled: a stream without a record yet.
            dynamo.createTable(Tables.table("Late", "PK", ScalarAttributeType.S).build());
            dynamo.putItem(b -> b.tableName("Late").item(Map.of("PK", s("L#1"), "Weight", n("3"))));
            dynamo.updateTable(b -> b.tableName("Late")
                    .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
            dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", s("O#1"), "Total", n("10"), "Status", s("PLACED"))));
            // O#2's Coupon is in the stream's images only: the live table no longer has the item.
            dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", s("O#2"), "Total", n("20"), "Status", s("PLACED"), "Coupon", s("WELCOME"))));
            dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", s("O#1"), "Total", n("11"), "Status", s("SHIPPED"))));
            dynamo.deleteItem(b -> b.tableName("Orders").key(Map.of("PK", s("O#2"))));
        }
        wire = LocalSettings.dynamo(moto.endpoint()).wire();
        athena = new AthenaSequence(wire);
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
        moto.stop();
    }

    @Test
    void listsAChangeTableNextToEachTableWithAStream()
    {
        assertThat(athena.listTables("default")).containsExactly("Orders", "Orders$changes", "Quiet", "Late", "Late$changes");
    }

    @Test
    void hasTheEventColumnsTheKeysAndTheImagesTypedAsTheRow()
    {
        Schema schema = athena.getTable("orders$changes").getSchema();

        assertThat(schema.getFields()).extracting(Field::getName).containsExactly("event_id", "event_name", "event_time", "sequence_number",
                "shard_id", "pk", "new_image", "old_image");
        assertThat(schema.findField("event_time").getType()).isInstanceOf(ArrowType.Date.class);
        assertThat(schema.findField("new_image").getChildren()).extracting(Field::getName).containsExactlyInAnyOrder("PK", "Status", "Total",
                "Coupon");
    }

    @Test
    void theImagesAreTypedFromTheStreamsRecordsNotFromTheLiveTable()
    {
        // Coupon was on a deleted item: only GetRecords, not a Scan of the table, can have found it.
        assertThat(athena.getTable("orders$changes").getSchema().findField("new_image").getChildren())
                .filteredOn(f -> f.getName().equals("Coupon")).extracting(Field::getType).containsExactly(ArrowType.Utf8.INSTANCE);
    }

    @Test
    void aStreamWithoutRecordsHasItsImagesTypedFromTheLiveTable()
    {
        assertThat(athena.getTable("late$changes").getSchema().findField("new_image").getChildren()).extracting(Field::getName)
                .containsExactlyInAnyOrder("PK", "Weight");
    }

    @Test
    void returnsExactlyTheRecordsWritten()
    {
        List<Map<String, Object>> rows = athena.scan("orders$changes");

        assertThat(rows).extracting(r -> r.get("event_name") + " " + r.get("pk"))
                .containsExactly("INSERT O#1", "INSERT O#2", "MODIFY O#1", "REMOVE O#2");
        assertThat(rows.get(2).get("new_image").toString()).contains("SHIPPED").contains("11");
        assertThat(rows.get(2).get("old_image").toString()).contains("PLACED").contains("10");
        assertThat(rows.get(3).get("new_image")).isNull();
        assertThat(rows).allSatisfy(r -> assertThat(r.get("event_time")).isNotNull());
    }

    @Test
    void checksPredicatesOnEventNameInTheConnector()
    {
        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
            ValueSet removes = EquatableValueSet.newBuilder(allocator, ArrowType.Utf8.INSTANCE, true, false).add("REMOVE").build();
            List<Map<String, Object>> rows = new ArrayList<>(athena.scan("orders$changes", Map.of("event_name", removes)));

            assertThat(rows).extracting(r -> r.get("pk")).containsExactly("O#2");
        }
    }

    @Test
    void complexColumnsAppliesToTheImages()
    {
        try (LambdaWire json = LocalSettings.dynamo(moto.endpoint()).with("complex_columns", "json").wire()) {
            AthenaSequence jsonAthena = new AthenaSequence(json);

            assertThat(jsonAthena.getTable("orders$changes").getSchema().findField("new_image").getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
            List<Map<String, Object>> rows = jsonAthena.scan("orders$changes");
            assertThat(rows.get(2).get("new_image").toString()).startsWith("{").contains("\"Status\":\"SHIPPED\"");
        }
    }

    @Test
    void aLimitStopsTheReadAtThatManyRows()
    {
        assertThat(athena.readRows("default", "orders$changes", 2)).hasSize(2);
    }

    @Test
    void aTableWithoutAStreamIsOneClearLine()
    {
        assertThatThrownBy(() -> athena.getTable("quiet$changes"))
                .isInstanceOf(AthenaConnectorException.class)
                .hasMessage("Table 'quiet$changes' reads the stream of DynamoDB table 'Quiet', which has no stream enabled: enable one "
                        + "(view type NEW_AND_OLD_IMAGES for both images) to read its changes");
    }
}
