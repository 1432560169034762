package io.github.athenaddb.ddb.schema;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlueTypesTest
{
    static Stream<Arguments> primitives()
    {
        return Stream.of(
                Arguments.of("boolean", ArrowType.Bool.INSTANCE, "boolean"),
                Arguments.of("tinyint", new ArrowType.Int(8, true), "tinyint"),
                Arguments.of("smallint", new ArrowType.Int(16, true), "smallint"),
                Arguments.of("int", new ArrowType.Int(32, true), "int"),
                Arguments.of("integer", new ArrowType.Int(32, true), "int"),
                Arguments.of("bigint", new ArrowType.Int(64, true), "bigint"),
                Arguments.of("float", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), "float"),
                Arguments.of("real", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), "float"),
                Arguments.of("double", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), "double"),
                Arguments.of("decimal(10,2)", new ArrowType.Decimal(10, 2, 128), "decimal(10,2)"),
                Arguments.of("decimal(38,38)", new ArrowType.Decimal(38, 38, 128), "decimal(38,38)"),
                Arguments.of("decimal(1,0)", new ArrowType.Decimal(1, 0, 128), "decimal(1,0)"),
                Arguments.of("decimal(7)", new ArrowType.Decimal(7, 0, 128), "decimal(7,0)"),
                // As the official connector reads a bare decimal (Spark's default), not Hive's decimal(10,0).
                Arguments.of("decimal", new ArrowType.Decimal(38, 18, 128), "decimal(38,18)"),
                Arguments.of("string", ArrowType.Utf8.INSTANCE, "string"),
                Arguments.of("varchar(255)", ArrowType.Utf8.INSTANCE, "string"),
                Arguments.of("varchar", ArrowType.Utf8.INSTANCE, "string"),
                Arguments.of("char(3)", ArrowType.Utf8.INSTANCE, "string"),
                Arguments.of("binary", ArrowType.Binary.INSTANCE, "binary"),
                Arguments.of("date", new ArrowType.Date(DateUnit.DAY), "date"),
                Arguments.of("timestamp", new ArrowType.Date(DateUnit.MILLISECOND), "timestamp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primitives")
    void primitiveTypesMapToNullableArrowFields(String glue, ArrowType arrow, String canonical)
    {
        Field field = GlueTypes.toField("col", glue);
        assertThat(field.getName()).isEqualTo("col");
        assertThat(field.getType()).isEqualTo(arrow);
        assertThat(field.isNullable()).isTrue();
        assertThat(field.getChildren()).isEmpty();
        assertThat(GlueTypes.toGlue(field)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "BIGINT                                   | bigint",
            "  Decimal ( 12 , 4 )                     | decimal(12,4)",
            "ARRAY < INT >                            | array<int>",
            "set<string>                              | array<string>",
            "SET<binary>                              | array<binary>",
            "struct<tags:set<bigint>>                 | struct<tags:array<bigint>>",
            "Map<String, Array<Double>>               | map<string,array<double>>",
            "struct< a : int ,B:string >              | struct<a:int,b:string>",
            "array<struct<Sku:string,qty:smallint>>   | array<struct<sku:string,qty:smallint>>",
            "'\tmap<int,\n  timestamp>\n'             | map<int,timestamp>",
            "struct<`first name`:varchar(20),`a``b`:date> | struct<`first name`:string,`a``b`:date>",
    })
    void keywordsIgnoreCaseAndBlanksAreAllowed(String glue, String canonical)
    {
        assertThat(GlueTypes.toGlue(GlueTypes.toField("c", glue))).isEqualTo(canonical);
    }

    @Test
    void arrayHasOneNullableChildNamedItem()
    {
        Field field = GlueTypes.toField("tags", "array<string>");
        assertThat(field.getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(field.getChildren()).singleElement().satisfies(item -> {
            assertThat(item.getName()).isEqualTo("item");
            assertThat(item.isNullable()).isTrue();
            assertThat(item.getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
        });
    }

    @Test
    void mapIsAnArrowMapOfNonNullableEntriesAndKeysAndNullableValues()
    {
        Field field = GlueTypes.toField("attrs", "map<string,decimal(5,1)>");
        assertThat(field.getType()).isEqualTo(new ArrowType.Map(false));
        assertThat(field.isNullable()).isTrue();
        Field entries = field.getChildren().get(0);
        assertThat(field.getChildren()).hasSize(1);
        assertThat(entries.getName()).isEqualTo("entries");
        assertThat(entries.isNullable()).isFalse();
        assertThat(entries.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
        assertThat(entries.getChildren()).extracting(Field::getName).containsExactly("key", "value");
        assertThat(entries.getChildren().get(0)).isEqualTo(new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null));
        assertThat(entries.getChildren().get(1)).isEqualTo(new Field("value", FieldType.nullable(new ArrowType.Decimal(5, 1, 128)), null));
    }

    @Test
    void structKeepsFieldOrderAndLowerCasesNames()
    {
        Field field = GlueTypes.toField("Profile", "struct<Zip:string,age:int,Address:struct<Geo:array<double>>>");
        assertThat(field.getName()).isEqualTo("Profile");
        assertThat(field.getChildren()).extracting(Field::getName).containsExactly("zip", "age", "address");
        Field geo = field.getChildren().get(2).getChildren().get(0);
        assertThat(geo.getName()).isEqualTo("geo");
        assertThat(geo.getChildren().get(0).getType()).isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
    }

    static Stream<Arguments> malformed()
    {
        return Stream.of(
                Arguments.of("strin", 1, "unknown type 'strin'"),
                Arguments.of("array<strin>", 7, "unknown type 'strin'"),
                Arguments.of("decimal(40,2)", 9, "precision 40 is not between 1 and 38"),
                Arguments.of("decimal(0,0)", 9, "precision 0 is not between 1 and 38"),
                Arguments.of("decimal(99999999999,2)", 9, "is not between 1 and 38"),
                Arguments.of("decimal(5,6)", 11, "scale 6 is greater than its precision 5"),
                Arguments.of("decimal(5,)", 11, "expected a scale (a number), found ')'"),
                Arguments.of("decimal(5", 10, "expected ')', found the end of the type"),
                Arguments.of("decimal(a)", 9, "expected a precision"),
                Arguments.of("varchar(0)", 9, "length 0 is not between 1 and 65535"),
                Arguments.of("char(256)", 6, "length 256 is not between 1 and 255"),
                Arguments.of("array<>", 7, "expected a type, found '>'"),
                Arguments.of("array<int", 10, "expected '>', found the end of the type"),
                Arguments.of("array<int>>", 11, "unexpected '>' after the end of the type"),
                Arguments.of("array int", 7, "expected '<', found 'int'"),
                Arguments.of("map<array<int>,int>", 5, "a map key must be a primitive type, not array<int>"),
                Arguments.of("map<struct<a:int>,int>", 5, "a map key must be a primitive type"),
                Arguments.of("map<string>", 11, "expected ',', found '>'"),
                Arguments.of("map<string,int", 15, "expected '>', found the end"),
                Arguments.of("struct<a int>", 10, "expected ':' after field name 'a', found 'int'"),
                Arguments.of("struct<>", 8, "a struct needs at least one field"),
                Arguments.of("struct<a:int,>", 14, "expected a field name, found '>'"),
                Arguments.of("struct<:int>", 8, "expected a field name, found ':'"),
                Arguments.of("struct<a:int,A:string>", 14, "field 'a' appears twice"),
                Arguments.of("struct<`a:int>", 8, "backtick is not closed"),
                Arguments.of("struct<a:int", 13, "expected '>', found the end"),
                Arguments.of("struct<a:array<int>", 20, "expected '>', found the end"),
                Arguments.of("int junk", 5, "unexpected 'junk' after the end of the type"),
                Arguments.of("int(5)", 4, "unexpected '(' after the end of the type"),
                Arguments.of("interval", 1, "type 'interval' is not supported"),
                Arguments.of("uniontype<int,string>", 1, "type 'uniontype' is not supported"),
                Arguments.of("timestamp with time zone", 1, "'timestamp with time zone' is not supported"),
                Arguments.of("array<interval>", 7, "type 'interval' is not supported"),
                Arguments.of("<int>", 1, "expected a type, found '<'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedTypesAreRefusedNamingTheTypeTheProblemAndThePosition(String glue, int character, String problem)
    {
        assertThatThrownBy(() -> GlueTypes.toField("c", glue))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid Glue type '" + glue + "' at character " + character + ": ")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void emptyTypeIsRefused(String glue)
    {
        assertThatThrownBy(() -> GlueTypes.toField("c", glue))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid Glue type '" + glue + "': it is empty");
    }

    @Test
    void nullTypeIsRefused()
    {
        assertThatThrownBy(() -> GlueTypes.toField("c", null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void unknownTypeMessageListsTheSupportedTypes()
    {
        assertThatThrownBy(() -> GlueTypes.toField("c", "strin"))
                .hasMessageContaining("boolean, tinyint").hasMessageContaining("map<K,V>");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "boolean", "decimal(38,0)", "array<array<int>>", "map<date,array<struct<a:timestamp,b:map<string,binary>>>>",
            "struct<a:tinyint,b:smallint,c:int,d:bigint,e:float,f:double,g:string,h:binary,i:date,j:timestamp,k:boolean>",
            "map<decimal(4,2),struct<x:array<map<bigint,double>>>>", "struct<`with space`:int,`tick``s`:array<date>>"})
    void canonicalTypesRoundTrip(String glue)
    {
        Field field = GlueTypes.toField("c", glue);
        assertThat(GlueTypes.toGlue(field)).isEqualTo(glue);
        assertThat(GlueTypes.toField("c", GlueTypes.toGlue(field))).isEqualTo(field);
    }

    @Test
    void typesNestToAnyDepth()
    {
        int depth = 300;
        String glue = "array<struct<a:map<string,".repeat(depth) + "int" + ">>>".repeat(depth);
        Field field = GlueTypes.toField("deep", glue);
        Field leaf = field;
        for (int i = 0; i < depth; i++) {
            assertThat(leaf.getType()).isEqualTo(ArrowType.List.INSTANCE);
            Field struct = leaf.getChildren().get(0);
            Field map = struct.getChildren().get(0);
            assertThat(map.getName()).isEqualTo("a");
            leaf = map.getChildren().get(0).getChildren().get(1);
        }
        assertThat(leaf.getType()).isEqualTo(new ArrowType.Int(32, true));
        assertThat(GlueTypes.toGlue(field)).isEqualTo(glue);
    }

    @Test
    void absurdNestingIsRefusedWithAnIllegalArgument()
    {
        String glue = "array<".repeat(200_000) + "int" + ">".repeat(200_000);
        assertThatThrownBy(() -> GlueTypes.toField("c", glue))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested too deeply");
    }

    @Test
    void inferredFieldsHaveAGlueType()
    {
        Field inferred = ArrowFieldMapper.toField("order", InferredTypeTest.struct(
                "qty", InferredType.INTEGRAL, "price", new InferredType.Decimal(3, 2),
                "tags", new InferredType.ListOf(InferredType.TEXT), "paid", InferredType.BOOL, "raw", InferredType.BINARY));
        assertThat(GlueTypes.toGlue(inferred)).isEqualTo("struct<paid:boolean,price:decimal(38,9),qty:bigint,raw:binary,tags:array<string>>");
    }

    @Test
    void arrowTypesWithoutAGlueTypeAreRefusedNamingTheField()
    {
        for (ArrowType type : List.of(new ArrowType.Int(32, false), new ArrowType.Time(TimeUnit.MILLISECOND, 32),
                new ArrowType.FloatingPoint(FloatingPointPrecision.HALF), new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"))) {
            assertThatThrownBy(() -> GlueTypes.toGlue(new Field("odd", FieldType.nullable(type), null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'odd'")
                    .hasMessageContaining("no Glue type");
        }
        assertThatThrownBy(() -> GlueTypes.toGlue(new Field("s", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no fields");
    }
}
