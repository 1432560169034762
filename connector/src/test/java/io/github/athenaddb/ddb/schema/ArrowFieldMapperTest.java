package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.schema.InferredType.Decimal;
import io.github.athenaddb.ddb.schema.InferredType.ListOf;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.athenaddb.ddb.schema.InferredType.BINARY;
import static io.github.athenaddb.ddb.schema.InferredType.BOOL;
import static io.github.athenaddb.ddb.schema.InferredType.INTEGRAL;
import static io.github.athenaddb.ddb.schema.InferredType.MIXED;
import static io.github.athenaddb.ddb.schema.InferredType.NULL;
import static io.github.athenaddb.ddb.schema.InferredType.TEXT;
import static io.github.athenaddb.ddb.schema.InferredTypeTest.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ArrowFieldMapperTest
{
    @Test
    void scalarsMapToTheirArrowTypes()
    {
        assertThat(ArrowFieldMapper.toField("c", INTEGRAL).getType()).isEqualTo(new ArrowType.Int(64, true));
        assertThat(ArrowFieldMapper.toField("c", new Decimal(3, 2)).getType()).isEqualTo(new ArrowType.Decimal(38, 9, 128));
        assertThat(ArrowFieldMapper.toField("c", BOOL).getType()).isEqualTo(ArrowType.Bool.INSTANCE);
        assertThat(ArrowFieldMapper.toField("c", BINARY).getType()).isEqualTo(ArrowType.Binary.INSTANCE);
        assertThat(ArrowFieldMapper.toField("c", TEXT).getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
    }

    @Test
    void nullMixedAndEmptyMapsAreVarchar()
    {
        assertThat(ArrowFieldMapper.toField("c", NULL).getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
        assertThat(ArrowFieldMapper.toField("c", MIXED).getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
        assertThat(ArrowFieldMapper.toField("c", struct()).getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
        assertThat(ArrowFieldMapper.toField("c", struct()).getChildren()).isEmpty();
    }

    @Test
    void fieldKeepsTheAttributeNameAndIsNullable()
    {
        Field field = ArrowFieldMapper.toField("CustomerId", TEXT);
        assertThat(field.getName()).isEqualTo("CustomerId");
        assertThat(field.isNullable()).isTrue();
    }

    @Test
    void listHasOneChildNamedItem()
    {
        Field field = ArrowFieldMapper.toField("tags", new ListOf(INTEGRAL));
        assertThat(field.getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(field.getChildren()).singleElement().satisfies(item -> {
            assertThat(item.getName()).isEqualTo("item");
            assertThat(item.getType()).isEqualTo(new ArrowType.Int(64, true));
        });
    }

    @Test
    void listOfOnlyEmptyListsHoldsVarchar()
    {
        assertThat(ArrowFieldMapper.toField("tags", new ListOf(NULL)).getChildren().get(0).getType())
                .isEqualTo(ArrowType.Utf8.INSTANCE);
    }

    @Test
    void structHasOneChildPerFieldInNameOrder()
    {
        Field field = ArrowFieldMapper.toField("profile", struct(
                "zip", TEXT, "Age", INTEGRAL, "address", struct("geo", new ListOf(new Decimal(2, 2)))));
        assertThat(field.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
        assertThat(field.getChildren()).extracting(Field::getName).containsExactly("Age", "address", "zip");
        Field geo = field.getChildren().get(1).getChildren().get(0);
        assertThat(geo.getName()).isEqualTo("geo");
        assertThat(geo.getChildren().get(0).getType()).isEqualTo(new ArrowType.Decimal(38, 9, 128));
    }

    @Test
    void structFieldsDifferingOnlyByCaseAreRefused()
    {
        assertThatThrownBy(() -> ArrowFieldMapper.toField("address", struct("Zip", TEXT, "zip", TEXT)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("map attribute 'address'")
                .hasMessageContaining("'Zip'")
                .hasMessageContaining("'zip'");
    }

    @ParameterizedTest(name = "integer digits {0}, sampled scale {1} -> scale {2}")
    @CsvSource({
            "1, 0, 9",
            "19, 0, 9",
            "1, 9, 9",
            "5, 12, 12",
            "26, 12, 12",
            "30, 2, 8",
            "38, 0, 0",
            "1, 37, 37"})
    void decimalScaleIsNineOrTheSampledScaleWhileTheIntegerPartFits(int integerDigits, int scale, int expected)
    {
        assertThat(ArrowFieldMapper.decimalScale(new Decimal(integerDigits, scale))).isEqualTo(expected);
        Field field = ArrowFieldMapper.toField("n", new Decimal(integerDigits, scale));
        assertThat(field.getType()).isEqualTo(new ArrowType.Decimal(38, expected, 128));
        assertThat(field.getMetadata()).doesNotContainKey(ArrowFieldMapper.LOSSY_METADATA);
    }

    @ParameterizedTest(name = "integer digits {0}, sampled scale {1}: no DECIMAL(38) holds both")
    @CsvSource({
            "38, 9",
            "27, 12",
            "40, 0",
            "1, 130",
            "126, 0"})
    void numbersNoDecimalHoldsTogetherAreDoubleMarkedLossy(int integerDigits, int scale)
    {
        // 38-digit integers beside 123456789.123456789 once became DECIMAL(38,0) and lost the fraction; 1E-130 read as 0.
        Field field = ArrowFieldMapper.toField("bignum", new Decimal(integerDigits, scale));
        assertThat(field.getType()).isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
        assertThat(field.getMetadata().get(ArrowFieldMapper.LOSSY_METADATA))
                .contains("17 significant digits").contains(integerDigits + " integer and " + scale + " fractional digits");
    }

    @Test
    void structOfListOfStructMapsAllTheWayDown()
    {
        Field field = ArrowFieldMapper.toField("customer", struct("orders", new ListOf(struct("qty", INTEGRAL, "sku", TEXT))));
        Field element = field.getChildren().get(0).getChildren().get(0);
        assertThat(element.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
        assertThat(element.getChildren()).extracting(Field::getName, Field::getType).containsExactly(
                tuple("qty", new ArrowType.Int(64, true)),
                tuple("sku", ArrowType.Utf8.INSTANCE));
    }
}
