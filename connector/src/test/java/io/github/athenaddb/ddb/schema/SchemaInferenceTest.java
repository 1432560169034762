package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.table.TableDescription;
import io.github.athenaddb.ddb.table.TableDescription.KeyAttribute;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SchemaInferenceTest
{
    private static final ArrowType BIGINT = new ArrowType.Int(64, true);
    private static final ArrowType DECIMAL_38_9 = new ArrowType.Decimal(38, 9, 128);
    private static final ArrowType VARCHAR = ArrowType.Utf8.INSTANCE;

    private static final TableDescription ORDERS = table("Orders", new KeyAttribute("pk", "S"), new KeyAttribute("sk", "N"));

    private static TableDescription table(String name, KeyAttribute hash, KeyAttribute range)
    {
        return new TableDescription(name, hash, Optional.ofNullable(range), List.of(), 0, 0);
    }

    private static ArrowType typeOf(Schema schema, String column)
    {
        return schema.findField(column).getType();
    }

    @Test
    void keysComeFirstThenOtherAttributesByName()
    {
        Schema schema = SchemaInference.infer(ORDERS, List.of(
                Map.of("zeta", s("z"), "pk", s("p1"), "sk", n("1"), "beta", s("b")),
                Map.of("pk", s("p2"), "sk", n("2"), "Alpha", s("a"))));

        assertThat(schema.getFields()).extracting(Field::getName).containsExactly("pk", "sk", "Alpha", "beta", "zeta");
    }

    @Test
    void sortIgnoresCaseSoColumnsDoNotJumpAroundOnCapitals()
    {
        Schema schema = SchemaInference.infer(table("t", new KeyAttribute("id", "S"), null), List.of(
                Map.of("id", s("1"), "cherry", s("c"), "Banana", s("b"), "apple", s("a"))));

        assertThat(schema.getFields()).extracting(Field::getName).containsExactly("id", "apple", "Banana", "cherry");
    }

    @Test
    void typesAreUnitedAcrossItems()
    {
        Schema schema = SchemaInference.infer(ORDERS, List.of(
                Map.of("pk", s("a"), "sk", n("1"), "qty", n("1"), "price", n("3"), "note", s("x")),
                Map.of("pk", s("b"), "sk", n("2"), "qty", n("2"), "price", n("2.5"), "note", n("7"))));

        assertThat(typeOf(schema, "sk")).isEqualTo(BIGINT);
        assertThat(typeOf(schema, "qty")).isEqualTo(BIGINT);
        assertThat(typeOf(schema, "price")).isEqualTo(DECIMAL_38_9);
        assertThat(typeOf(schema, "note")).isEqualTo(VARCHAR);
    }

    @Test
    void attributeSeenInOneItemOnlyIsStillAColumn()
    {
        Schema schema = SchemaInference.infer(ORDERS, List.of(
                Map.of("pk", s("a"), "sk", n("1")),
                Map.of("pk", s("b"), "sk", n("2"), "rare", AttributeValue.fromBool(true))));

        assertThat(typeOf(schema, "rare")).isEqualTo(ArrowType.Bool.INSTANCE);
    }

    @Test
    void emptyMapAndOnlyNullValuesAreVarchar()
    {
        Schema schema = SchemaInference.infer(ORDERS, List.of(
                Map.of("pk", s("a"), "sk", n("1"), "attrs", m(Map.of()), "gone", AttributeValue.fromNul(true))));

        assertThat(typeOf(schema, "attrs")).isEqualTo(VARCHAR);
        assertThat(typeOf(schema, "gone")).isEqualTo(VARCHAR);
    }

    @Test
    void listOfMixedKindsIsVarchar()
    {
        Schema schema = SchemaInference.infer(ORDERS, List.of(
                Map.of("pk", s("a"), "sk", n("1"), "bag", l(s("x"), n("1"))),
                Map.of("pk", s("b"), "sk", n("2"), "lists", l(s("x"))),
                Map.of("pk", s("c"), "sk", n("3"), "lists", l(m(Map.of("k", s("v")))))));

        assertThat(typeOf(schema, "bag")).isEqualTo(VARCHAR);
        assertThat(typeOf(schema, "lists")).isEqualTo(VARCHAR);
    }

    @Test
    void mapsBecomeStructsOfEveryFieldSeen()
    {
        Schema schema = SchemaInference.infer(ORDERS, List.of(
                Map.of("pk", s("a"), "sk", n("1"), "address", m(Map.of("city", s("Lyon")))),
                Map.of("pk", s("b"), "sk", n("2"), "address", m(Map.of("zip", n("69001"))))));

        Field address = schema.findField("address");
        assertThat(address.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
        assertThat(address.getChildren()).extracting(Field::getName, Field::getType)
                .containsExactly(tuple("city", VARCHAR), tuple("zip", BIGINT));
    }

    @Test
    void attributesDifferingOnlyByCaseAreOneVarcharColumnThatCannotBeRead()
    {
        Schema schema = SchemaInference.infer(ORDERS, List.of(
                Map.of("pk", s("a"), "sk", n("1"), "Status", n("1"), "total", n("3")),
                Map.of("pk", s("b"), "sk", n("2"), "status", s("old"))));

        assertThat(schema.getFields()).extracting(Field::getName, Field::getType)
                .containsExactly(tuple("pk", VARCHAR), tuple("sk", BIGINT), tuple("status", VARCHAR), tuple("total", BIGINT));
        TableSchemaMetadata metadata = TableSchemaMetadata.fromSchemaMetadata(schema.getCustomMetadata(), "orders");
        assertThat(metadata.clashes()).containsExactly(Map.entry("status", List.of("Status", "status")));
        assertThat(metadata.attributeFor("total")).isEqualTo("total");
        assertThatThrownBy(() -> metadata.attributeFor("status"))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Column 'status' of table 'Orders' is ambiguous: DynamoDB attributes 'Status' and 'status'");
    }

    @Test
    void attributeDifferingFromAKeyOnlyByCaseClashesWithIt()
    {
        Schema schema = SchemaInference.infer(ORDERS, List.of(Map.of("pk", s("a"), "sk", n("1"), "PK", s("b"))));

        assertThat(schema.getFields()).extracting(Field::getName).containsExactly("pk", "sk");
        assertThat(TableSchemaMetadata.fromSchemaMetadata(schema.getCustomMetadata(), "orders").clashes())
                .containsExactly(Map.entry("pk", List.of("PK", "pk")));
    }

    @Test
    void aRenameGivesAClashingAttributeAColumnOfItsOwn()
    {
        Schema schema = SchemaInference.infer(ORDERS, List.of(
                Map.of("pk", s("a"), "sk", n("1"), "Status", n("1")),
                Map.of("pk", s("b"), "sk", n("2"), "status", s("old"))), Map.of("Status", "status_code"));

        assertThat(schema.getFields()).extracting(Field::getName, Field::getType)
                .containsExactly(tuple("pk", VARCHAR), tuple("sk", BIGINT), tuple("status_code", BIGINT), tuple("status", VARCHAR));
        TableSchemaMetadata metadata = TableSchemaMetadata.fromSchemaMetadata(schema.getCustomMetadata(), "orders");
        assertThat(metadata.clashes()).isEmpty();
        assertThat(metadata.attributeFor("status_code")).isEqualTo("Status");
        assertThat(metadata.attributeFor("status")).isEqualTo("status");
    }

    @Test
    void emptyTableKeepsItsKeyColumnsTypedFromTheKeySchema()
    {
        Schema strings = SchemaInference.infer(ORDERS, List.of());
        assertThat(strings.getFields()).extracting(Field::getName, Field::getType)
                .containsExactly(tuple("pk", VARCHAR), tuple("sk", DECIMAL_38_9));

        Schema binary = SchemaInference.infer(table("Blobs", new KeyAttribute("hash", "B"), null), List.of());
        assertThat(binary.getFields()).extracting(Field::getName, Field::getType)
                .containsExactly(tuple("hash", ArrowType.Binary.INSTANCE));
    }

    @Test
    void sampledKeyTypeWinsOverTheKeySchema()
    {
        Schema schema = SchemaInference.infer(table("Blobs", new KeyAttribute("hash", "B"), null),
                List.of(Map.of("hash", AttributeValue.fromB(SdkBytes.fromUtf8String("x")))));

        assertThat(typeOf(schema, "hash")).isEqualTo(ArrowType.Binary.INSTANCE);
        assertThat(typeOf(SchemaInference.infer(ORDERS, List.of(Map.of("pk", s("a"), "sk", n("5")))), "sk")).isEqualTo(BIGINT);
    }

    @Test
    void schemaCarriesTheTableAndTheAttributeBehindEachColumn()
    {
        TableDescription customers = table("Customers", new KeyAttribute("CustomerId", "S"), null);
        Schema schema = SchemaInference.infer(customers, List.of(Map.of("CustomerId", s("c1"), "FullName", s("Ann"))));

        TableSchemaMetadata metadata = TableSchemaMetadata.fromSchemaMetadata(schema.getCustomMetadata(), "customers");
        assertThat(metadata.table()).isEqualTo(customers);
        assertThat(metadata.attributeFor("customerid")).isEqualTo("CustomerId");
        assertThat(metadata.attributeFor("fullname")).isEqualTo("FullName");
    }
}
