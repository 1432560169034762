package io.github.athenaddb.ddb.glue;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.testing.LocalSettings;
import io.github.athenaddb.testing.RecordedRead;
import io.github.athenaddb.testing.RecordingInterceptor.Call;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Glue-defined tables through the Lambda wire: databases and tables created in moto_server's
 * Glue API as users create them, items in dynalite. Overrides (declared columns, columnMapping)
 * and entity views over a single-table design, with the rows and the requests sent.
 */
class GlueCatalogWireTest
{
    private static final String TABLE = "GlueShop";
    private static MotoServer moto;
    private static LambdaWire wire;
    private static AthenaSequence athena;
    private static List<Map<String, AttributeValue>> items;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        dynalite.client().createTable(table(TABLE, "PK", ScalarAttributeType.S)
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                .attributeDefinitions(attribute("PK", ScalarAttributeType.S), attribute("SK", ScalarAttributeType.S)).build());
        items = new ArrayList<>();
        for (int c = 1; c <= 4; c++) {
            items.add(Map.of("PK", s("C#" + c), "SK", s("CUSTOMER#" + c), "Type", s("Customer"), "EmailAddress", s("c" + c + "@example.com")));
            for (int o = 1; o <= 3; o++) {
                items.add(Map.of("PK", s("C#" + c), "SK", s("#ORDER#" + c + o), "Type", s("Order"), "OrderId", s(c + "-" + o),
                        "Amount", n(c + "" + o + ".50")));
            }
        }
        load(dynalite.client(), TABLE, items);
        dynalite.client().createTable(table("GlueDates", "PK", ScalarAttributeType.S).build());
        load(dynalite.client(), "GlueDates", List.of(
                Map.of("PK", s("a"), "Placed", n("1790000000"), "Day", s("20261003"), "Local", s("2026-10-03 09:15:00")),
                Map.of("PK", s("b"), "Placed", s("not a time"), "Day", s("2026-10-03"), "Local", s("2026-03-29 02:30:00"))));

        moto = MotoServer.start();
        try (GlueClient glue = moto.glue()) {
            glue.createDatabase(b -> b.databaseInput(DatabaseInput.builder().name("shop").parameters(Map.of("athena_ddb", "true")).build()));
            glue.createDatabase(b -> b.databaseInput(DatabaseInput.builder().name("legacy").locationUri("dynamo-db-flag").build()));
            glue.createDatabase(b -> b.databaseInput(DatabaseInput.builder().name("lake").build()));
            create(glue, "shop", "orders", Map.of("sourceTable", TABLE, "entityType", "Type=Order"), List.of());
            create(glue, "shop", "customers", Map.of("sourceTable", TABLE, "entityKeyPrefix", "SK=CUSTOMER#",
                    "columnMapping", "customer=PK,email=EmailAddress"), List.of());
            create(glue, "shop", "glueshop", Map.of("columnMapping", "amount_usd=Amount"),
                    List.of(col("pk", "string"), col("sk", "string"), col("amount_usd", "decimal(10,2)"), col("orderid", "string")));
            create(glue, "shop", "orderkeys", Map.of("sourceTable", TABLE, "entityType", "Type=Order", "entityKeyPrefix", "SK=#ORDER#"),
                    List.of());
            create(glue, "shop", "broken", Map.of("sourceTable", TABLE), List.of(col("pk", "strin")));
            create(glue, "shop", "gluedates", Map.of("datetimeFormatMapping", "placed=epoch_seconds,day=yyyyMMdd,local=yyyy-MM-dd HH:mm:ss",
                    "defaultTimeZone", "Europe/Berlin"),
                    List.of(col("pk", "string"), col("placed", "timestamp"), col("day", "date"), col("local", "timestamp")));
            create(glue, "shop", "badformat", Map.of("sourceTable", "GlueDates", "datetimeFormatMapping", "placed=yyyy-qq-bogus"),
                    List.of(col("placed", "timestamp")));
            create(glue, "shop", "badmapping", Map.of("sourceTable", TABLE, "columnMapping", "pk"), List.of(col("pk", "string")));
            create(glue, "shop", "nosource", Map.of("sourceTable", "NoSuchTable"), List.of(col("pk", "string")));
        }
        wire = LocalSettings.dynamo(dynalite.endpoint()).glue(moto.endpoint()).wire();
        athena = new AthenaSequence(wire);
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
        moto.stop();
    }

    @Test
    void markedDatabasesAreSchemasNextToDefault()
    {
        assertThat(athena.listSchemas()).startsWith("default").containsExactlyInAnyOrder("default", "legacy", "shop");
        assertThat(athena.listTables("shop")).containsExactlyInAnyOrder("orders", "orderkeys", "customers", "glueshop", "broken", "badmapping", "nosource",
                "gluedates", "badformat");
        assertThatThrownBy(() -> athena.listTables("lake")).hasMessageContaining("Schema 'lake' not found");
    }

    @Test
    void anEntityViewHasOnlyItsEntitysColumns()
    {
        Schema schema = athena.getTable("shop", "orders").getSchema();

        assertThat(schema.getFields()).extracting(Field::getName).containsExactly("pk", "sk", "amount", "orderid", "type")
                .as("keys first, then by name, lower-cased as Athena shows them")
                .doesNotContain("emailaddress");
    }

    @Test
    void anEntityViewReadsOnlyItsItemsWithAKeyPathWhenThereIsOne()
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable("shop", "orders").getSchema());
        List<Call> calls = new ArrayList<>();

        List<Map<String, Object>> all = read("orders", schema, Map.of(), calls);
        assertThat(all).hasSize(12).allSatisfy(r -> assertThat(r.get("type")).isEqualTo("Order"));
        assertThat(calls).extracting(Call::operation).containsOnly("Scan");
        assertThat(calls.get(0).filter()).contains("attribute_type");

        calls.clear();
        ValueSet c2 = in(schema, "pk", "C#2");
        List<Map<String, Object>> ofC2 = read("orders", schema, Map.of("pk", c2), calls);
        assertThat(ofC2).extracting(r -> r.get("orderid")).containsExactlyInAnyOrder("2-1", "2-2", "2-3");
        assertThat(calls).extracting(Call::operation).containsExactly("Query");
    }

    @Test
    void aViewWithATypeAndAKeyPrefixAppliesBoth()
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable("shop", "orderkeys").getSchema());
        List<Call> calls = new ArrayList<>();

        assertThat(read("orderkeys", schema, Map.of(), calls)).hasSize(12);
        Schema orderIdOnly = new Schema(List.of(schema.findField("orderid")), schema.getCustomMetadata());
        assertThat(read("orderkeys", orderIdOnly, Map.of(), calls)).as("the predicate's attributes are read though not selected")
                .hasSize(12);
        assertThat(read("orderkeys", schema, Map.of("pk", in(schema, "pk", "C#4")), calls)).extracting(r -> r.get("orderid"))
                .containsExactlyInAnyOrder("4-1", "4-2", "4-3");
    }

    @Test
    void aKeyPrefixViewBecomesASortKeyConditionAndTakesRenames()
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable("shop", "customers").getSchema());
        assertThat(schema.getFields()).extracting(Field::getName).containsExactly("customer", "sk", "email", "type");

        List<Call> calls = new ArrayList<>();
        List<Map<String, Object>> one = read("customers", schema, Map.of("customer", in(schema, "customer", "C#3")), calls);

        assertThat(one).containsExactly(Map.of("customer", "C#3", "sk", "CUSTOMER#3", "email", "c3@example.com", "type", "Customer"));
        assertThat(calls).extracting(Call::keyCondition).containsExactly("#k0 = :k0 AND #k1 BETWEEN :k1 AND :k2");
    }

    @Test
    void declaredColumnsOverrideTheInferredOnesWithTheirMapping()
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable("shop", "glueshop").getSchema());
        assertThat(schema.getFields()).extracting(f -> f.getName() + " " + f.getType())
                .containsExactly("pk Utf8", "sk Utf8", "amount_usd Decimal(10, 2, 128)", "orderid Utf8");

        List<Map<String, Object>> rows = read("glueshop", schema, Map.of("pk", in(schema, "pk", "C#1")), new ArrayList<>());
        assertThat(rows).hasSize(4).anySatisfy(r -> {
            assertThat(r.get("orderid")).isEqualTo("1-2");
            assertThat(r.get("amount_usd").toString()).isEqualTo("12.50");
        });
    }

    @Test
    void datesAndTimestampsAreReadWithTheirDeclaredFormats()
    {
        Schema declared = AthenaSequence.lowerCased(athena.getTable("shop", "gluedates").getSchema());
        // Athena may send the columns back without their field metadata: the formats travel with the table's.
        List<Field> bare = new ArrayList<>();
        declared.getFields().forEach(f -> bare.add(new Field(f.getName(), new org.apache.arrow.vector.types.pojo.FieldType(true, f.getType(), null),
                f.getChildren())));
        Schema schema = new Schema(bare, declared.getCustomMetadata());

        List<Map<String, Object>> rows = read("gluedates", schema, Map.of(), new ArrayList<>());

        Map<String, Object> a = rows.stream().filter(r -> r.get("pk").equals("a")).findFirst().orElseThrow();
        Map<String, Object> b = rows.stream().filter(r -> r.get("pk").equals("b")).findFirst().orElseThrow();
        // 1790000000 s is 2026-09-21T14:13:20Z, 16:13:20 in Berlin.
        assertThat(a.get("placed")).isEqualTo(java.time.LocalDateTime.parse("2026-09-21T16:13:20"));
        assertThat(a.get("day")).isEqualTo((int) java.time.LocalDate.parse("2026-10-03").toEpochDay());
        assertThat(a.get("local")).isEqualTo(java.time.LocalDateTime.parse("2026-10-03T09:15:00"));
        assertThat(b.get("placed")).as("a value that does not fit is NULL (and logged)").isNull();
        assertThat(b.get("day")).as("yyyyMMdd does not read 2026-10-03").isNull();
    }

    @Test
    void badDefinitionsAreClearErrorsNamingWhere()
    {
        assertThatThrownBy(() -> athena.getTable("shop", "broken"))
                .hasMessageContaining("Glue database 'shop', table 'broken', column 'pk'").hasMessageContaining("strin");
        assertThatThrownBy(() -> athena.getTable("shop", "badmapping"))
                .hasMessageContaining("Glue database 'shop', table 'badmapping': columnMapping entry 'pk' is not column=value");
        assertThatThrownBy(() -> athena.getTable("shop", "nosource"))
                .hasMessageContaining("its DynamoDB table 'NoSuchTable' does not exist");
        assertThatThrownBy(() -> athena.getTable("shop", "badformat"))
                .hasMessageContaining("Glue database 'shop', table 'badformat', column 'placed'").hasMessageContaining("yyyy-qq-bogus");
        assertThatThrownBy(() -> athena.getTable("shop", "nothere"))
                .hasMessageContaining("Table 'nothere' not found in schema 'shop'");
    }

    @Test
    void theDefaultSchemaStillInfersEveryTable()
    {
        assertThat(athena.getTable("default", TABLE.toLowerCase()).getSchema().getFields()).extracting(Field::getName)
                .contains("EmailAddress", "OrderId");
    }

    private static List<Map<String, Object>> read(String table, Schema schema, Map<String, ValueSet> summary, List<Call> calls)
    {
        RecordedRead read = RecordedRead.of(athena, "shop", table, schema, RecordedRead.summary(summary));
        calls.addAll(read.calls());
        return read.rows();
    }

    private static ValueSet in(Schema schema, String column, Object value)
    {
        return io.github.athenaddb.ddb.IndexedTables.in(wire.allocator(), schema.findField(column).getType(), value);
    }

    private static Column col(String name, String type)
    {
        return Column.builder().name(name).type(type).build();
    }

    private static void create(GlueClient glue, String database, String name, Map<String, String> parameters, List<Column> columns)
    {
        glue.createTable(b -> b.databaseName(database).tableInput(TableInput.builder().name(name).parameters(parameters)
                .storageDescriptor(StorageDescriptor.builder().columns(columns).build()).build()));
    }
}
