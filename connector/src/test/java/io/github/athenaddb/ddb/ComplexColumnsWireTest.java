package io.github.athenaddb.ddb;

import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.ddb.schema.ComplexColumns;
import io.github.athenaddb.testing.LocalSettings;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** complex_columns=json and flatten, for QuickSight: maps, lists and sets as JSON varchar, or maps as parent_child columns; the default keeps row and array types. */
class ComplexColumnsWireTest
{
    private static final String TABLE = "Nested";

    @Test
    void jsonShowsNestedAttributesAsJsonText()
    {
        Dynalite dynalite = Dynalite.shared();
        dynalite.client().createTable(table(TABLE, "Id", ScalarAttributeType.S).build());
        load(dynalite.client(), TABLE, List.of(Map.of("Id", s("a"), "Address", m(Map.of("City", s("Oslo"), "Zip", s("0150"))),
                "Tags", l(s("x"), n("2")), "Total", n("5"))));

        Map<String, String> config = LocalSettings.dynamo(dynalite.endpoint()).toMap();
        try (LambdaWire nativeWire = new LambdaWire(new DdbCompositeHandler(config))) {
            Schema schema = new AthenaSequence(nativeWire).getTable("nested").getSchema();
            assertThat(schema.findField("Address").getType().toString()).isEqualTo("Struct");
        }
        config.put(ComplexColumns.SETTING, "json");
        try (LambdaWire jsonWire = new LambdaWire(new DdbCompositeHandler(config))) {
            AthenaSequence athena = new AthenaSequence(jsonWire);
            Schema schema = AthenaSequence.lowerCased(athena.getTable("nested").getSchema());
            assertThat(schema.getFields()).extracting(f -> f.getName() + " " + f.getType())
                    .containsExactly("id Utf8", "address Utf8", "tags Utf8", "total Int(64, true)");
            Map<String, Object> row = athena.scan("nested", schema, Map.of()).get(0);
            assertThat(row.get("address")).isEqualTo("{\"City\":\"Oslo\",\"Zip\":\"0150\"}");
            assertThat(row.get("tags")).isEqualTo("[\"x\",2]");
            assertThat(schema.getFields()).extracting(Field::getChildren).allSatisfy(c -> assertThat(c).isEmpty());
        }
        config.put(ComplexColumns.SETTING, "flatten");
        try (LambdaWire flatWire = new LambdaWire(new DdbCompositeHandler(config))) {
            AthenaSequence athena = new AthenaSequence(flatWire);
            Schema schema = AthenaSequence.lowerCased(athena.getTable("nested").getSchema());
            assertThat(schema.getFields()).extracting(f -> f.getName() + " " + f.getType())
                    .containsExactly("id Utf8", "address_city Utf8", "address_zip Utf8", "tags Utf8", "total Int(64, true)");
            Map<String, Object> row = athena.scan("nested", schema, Map.of()).get(0);
            assertThat(row).containsEntry("address_city", "Oslo").containsEntry("address_zip", "0150").containsEntry("tags", "[\"x\",2]");
            // A constraint on a flattened column is checked by the connector, not sent to DynamoDB as a key or filter.
            Schema bare = new Schema(schema.getFields().stream().map(f -> new Field(f.getName(),
                    new org.apache.arrow.vector.types.pojo.FieldType(true, f.getType(), null), f.getChildren())).toList(), schema.getCustomMetadata());
            assertThat(athena.scan("nested", bare, Map.of("address_city", IndexedTables.in(flatWire.allocator(), schema.findField("address_city").getType(), "Rome"))))
                    .isEmpty();
            assertThat(athena.scan("nested", bare, Map.of("address_city", IndexedTables.in(flatWire.allocator(), schema.findField("address_city").getType(), "Oslo"))))
                    .hasSize(1);
        }
        config.put(ComplexColumns.SETTING, "flat");
        assertThatThrownBy(() -> new DdbCompositeHandler(config)).hasMessageContaining("complex_columns='flat': expected native, json or flatten");
        config.put(ComplexColumns.SETTING, "flatten");
        config.put(ComplexColumns.DEPTH_SETTING, "0");
        assertThatThrownBy(() -> new DdbCompositeHandler(config)).hasMessageContaining("complex_columns_depth='0'");
    }
}
