package io.github.athenaddb.ddb.table;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.table.TableDescription.Index;
import io.github.athenaddb.ddb.table.TableDescription.IndexKind;
import io.github.athenaddb.ddb.table.TableDescription.KeyAttribute;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableSchemaMetadataTest
{
    private static final TableDescription ORDERS = new TableDescription(
            "Shop-Orders.v1",
            new KeyAttribute("CustomerId", "S"),
            Optional.of(new KeyAttribute("OrderDate", "N")),
            List.of(new Index("ByStatus", IndexKind.GSI, "Status", Optional.of("OrderDate"), "INCLUDE", List.of("Total")),
                    new Index("ByTotal", IndexKind.LSI, "CustomerId", Optional.empty(), "KEYS_ONLY", List.of())),
            123_456_789L,
            42L);

    private static final TableSchemaMetadata METADATA = TableSchemaMetadata.of(ORDERS, List.of("CustomerId", "OrderDate", "Total"));

    @Test
    void roundTripsThroughSchemaMetadata()
    {
        Map<String, String> serialized = METADATA.toSchemaMetadata();

        assertThat(serialized).containsOnlyKeys("ddb.table", "ddb.attributes");
        assertThat(TableSchemaMetadata.fromSchemaMetadata(serialized, "shop-orders.v1")).isEqualTo(METADATA);
    }

    @Test
    void roundTripsATableWithoutRangeKeyOrIndexes()
    {
        TableDescription simple = new TableDescription("Customers", new KeyAttribute("Id", "B"), Optional.empty(), List.of(), 0, 0);
        TableSchemaMetadata metadata = TableSchemaMetadata.of(simple, List.of("Id"));

        assertThat(TableSchemaMetadata.fromSchemaMetadata(metadata.toSchemaMetadata(), "customers")).isEqualTo(metadata);
    }

    @Test
    void survivesTheArrowSchemaJsonThatAthenaSendsBack()
            throws Exception
    {
        Schema schema = new Schema(List.of(new Field("customerid", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)),
                METADATA.toSchemaMetadata());

        Schema returned = Schema.fromJSON(schema.toJson());

        assertThat(TableSchemaMetadata.fromSchemaMetadata(returned.getCustomMetadata(), "shop-orders.v1")).isEqualTo(METADATA);
    }

    @Test
    void attributeForFindsTheCaseSensitiveNameOfAColumn()
    {
        assertThat(METADATA.attributeFor("customerid")).isEqualTo("CustomerId");
        assertThat(METADATA.attributeFor("ORDERDATE")).isEqualTo("OrderDate");
        assertThat(METADATA.attributeFor("Total")).isEqualTo("Total");
    }

    @Test
    void aClashingColumnRoundTripsAndCannotBeRead()
    {
        TableSchemaMetadata clashing = new TableSchemaMetadata(ORDERS, Map.of("total", "Total"), Optional.empty(), Map.of(),
                Map.of("status", List.of("STATUS", "Status")));

        TableSchemaMetadata read = TableSchemaMetadata.fromSchemaMetadata(clashing.toSchemaMetadata(), "shop-orders.v1");

        assertThat(read).isEqualTo(clashing);
        assertThat(read.attributeFor("total")).isEqualTo("Total");
        assertThatThrownBy(() -> read.attributeFor("STATUS")).isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("Column 'status' of table 'Shop-Orders.v1' is ambiguous: DynamoDB attributes 'STATUS' and 'Status'");
    }

    @Test
    void attributeForAnUnknownColumnIsTheColumnName()
    {
        assertThat(METADATA.attributeFor("unknown")).isEqualTo("unknown");
    }

    @Test
    void missingMetadataIsAClearError()
    {
        assertThatThrownBy(() -> TableSchemaMetadata.fromSchemaMetadata(Map.of(), "orders"))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table 'orders'")
                .hasMessageContaining("ddb.table")
                .hasMessageContaining("send the schema returned by GetTable unchanged");
        assertThatThrownBy(() -> TableSchemaMetadata.fromSchemaMetadata(null, "orders"))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table 'orders'");
    }

    @Test
    void corruptMetadataIsAClearError()
    {
        assertThatThrownBy(() -> TableSchemaMetadata.fromSchemaMetadata(Map.of("ddb.table", "{not json"), "orders"))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table 'orders'")
                .hasMessageContaining("is not valid");
    }

    @Test
    void metadataWithoutAttributesMapsColumnsToThemselves()
    {
        Map<String, String> withoutAttributes = new HashMap<>(METADATA.toSchemaMetadata());
        withoutAttributes.remove("ddb.attributes");

        TableSchemaMetadata read = TableSchemaMetadata.fromSchemaMetadata(withoutAttributes, "orders");

        assertThat(read.table()).isEqualTo(ORDERS);
        assertThat(read.attributeFor("customerid")).isEqualTo("customerid");
    }
}
