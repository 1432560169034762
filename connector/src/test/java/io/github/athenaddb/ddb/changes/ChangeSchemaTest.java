package io.github.athenaddb.ddb.changes;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.schema.SchemaInference;
import io.github.athenaddb.ddb.table.TableDescription;
import io.github.athenaddb.ddb.table.TableDescription.KeyAttribute;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeSchemaTest
{
    private static final TableDescription ORDERS = new TableDescription("Orders", new KeyAttribute("CustomerId", "S"),
            Optional.of(new KeyAttribute("OrderNo", "N")), List.of(), 0, 0);

    @Test
    void namesTheTableWhoseChangesItReads()
    {
        assertThat(ChangeSchema.baseTable("orders$changes")).contains("orders");
        assertThat(ChangeSchema.baseTable("Orders$CHANGES")).contains("Orders");
        assertThat(ChangeSchema.baseTable("$changes")).isEmpty();
        assertThat(ChangeSchema.baseTable("orders")).isEmpty();
    }

    @Test
    void keysAreTypedAsTheTableAndTheImagesHoldTheRow()
    {
        Schema row = SchemaInference.infer(ORDERS, List.of(Map.of("CustomerId", AttributeValue.fromS("c"),
                "OrderNo", AttributeValue.fromN("7"), "Total", AttributeValue.fromN("9.5"))));

        Schema changes = ChangeSchema.withStream(ChangeSchema.of(row, "orders"), "arn:stream");

        assertThat(changes.getFields()).extracting(Field::getName).containsExactly("event_id", "event_name", "event_time",
                "sequence_number", "shard_id", "customerid", "orderno", "new_image", "old_image");
        assertThat(changes.findField("orderno").getType()).isEqualTo(row.findField("OrderNo").getType());
        assertThat(changes.findField("new_image").getChildren()).extracting(Field::getName).containsExactly("CustomerId", "OrderNo", "Total");
        assertThat(changes.findField("old_image").getType()).isEqualTo(ArrowType.Struct.INSTANCE);
        assertThat(ChangeSchema.streamArn(changes.getCustomMetadata())).contains("arn:stream");
        TableSchemaMetadata metadata = TableSchemaMetadata.fromSchemaMetadata(changes.getCustomMetadata(), "orders$changes");
        assertThat(metadata.attributeFor("customerid")).isEqualTo("CustomerId");
        assertThat(metadata.table()).isEqualTo(ORDERS);
    }

    @Test
    void aKeyNamedLikeAChangeColumnIsAClearError()
    {
        TableDescription events = new TableDescription("Events", new KeyAttribute("event_id", "S"), Optional.empty(), List.of(), 0, 0);
        Schema row = SchemaInference.infer(events, List.of());

        assertThatThrownBy(() -> ChangeSchema.of(row, "events"))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("key attribute 'event_id'");
    }
}
