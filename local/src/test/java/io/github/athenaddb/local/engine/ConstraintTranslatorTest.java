package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ConversionUtil;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.apache.calcite.sql.fun.SqlStdOperatorTable.AND;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.GREATER_THAN;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.LESS_THAN;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.NOT_EQUALS;
import static org.assertj.core.api.Assertions.assertThat;

class ConstraintTranslatorTest
{
    private static final JavaTypeFactoryImpl TYPES = new JavaTypeFactoryImpl();
    private static final RexBuilder REX = new RexBuilder(TYPES);
    private static final RexSimplify SIMPLIFY = new RexSimplify(REX, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR);
    private static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
    private static final ArrowType BIGINT = new ArrowType.Int(64, true);
    private static final ArrowType DECIMAL = new ArrowType.Decimal(38, 9, 128);

    private static final List<Field> FIELDS = List.of(
            Field.nullable("status", UTF8),
            Field.nullable("qty", BIGINT),
            Field.nullable("amount", DECIMAL),
            Field.nullable("active", ArrowType.Bool.INSTANCE),
            new Field("tags", FieldType.nullable(ArrowType.List.INSTANCE), List.of(Field.nullable("item", UTF8))),
            new Field("address", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(Field.nullable("city", UTF8))));

    private static final RexInputRef STATUS = REX.makeInputRef(nullable(TYPES.createSqlType(SqlTypeName.VARCHAR)), 0);
    private static final RexInputRef QTY = REX.makeInputRef(nullable(TYPES.createSqlType(SqlTypeName.BIGINT)), 1);
    private static final RexInputRef AMOUNT = REX.makeInputRef(nullable(TYPES.createSqlType(SqlTypeName.DECIMAL, 38, 9)), 2);
    private static final RexInputRef ACTIVE = REX.makeInputRef(nullable(TYPES.createSqlType(SqlTypeName.BOOLEAN)), 3);
    private static final RexInputRef TAGS = REX.makeInputRef(nullable(TYPES.createArrayType(TYPES.createSqlType(SqlTypeName.VARCHAR), -1)), 4);
    private static final RexInputRef ADDRESS = REX.makeInputRef(nullable(TYPES.createStructType(
            List.of(TYPES.createSqlType(SqlTypeName.VARCHAR)), List.of("city"))), 5);

    private final BlockAllocatorImpl allocator = new BlockAllocatorImpl();
    private final List<ConstraintTranslator.Translation> translations = new ArrayList<>();

    @AfterEach
    void closeValueSetsThenAllocator()
            throws Exception
    {
        for (ConstraintTranslator.Translation t : translations) {
            for (ValueSet set : t.pushed().values()) {
                set.close();
            }
        }
        allocator.close();
    }

    static Stream<Arguments> pushableConjuncts()
    {
        TreeRangeSet<BigDecimal> outside = TreeRangeSet.create();
        outside.add(com.google.common.collect.Range.lessThan(new BigDecimal("1")));
        outside.add(com.google.common.collect.Range.atLeast(new BigDecimal("100")));
        return Stream.of(
                pushable("status = 'A'", "status", call(EQUALS, STATUS, text("A")), List.of("A"), List.of("B", "")),
                pushable("qty <> 5", "qty", call(NOT_EQUALS, QTY, number("5")), List.of(4L, 6L, Long.MIN_VALUE), List.of(5L)),
                pushable("qty < 5", "qty", call(LESS_THAN, QTY, number("5")), List.of(4L, -100L), List.of(5L, 6L)),
                pushable("qty <= 5", "qty", call(LESS_THAN_OR_EQUAL, QTY, number("5")), List.of(4L, 5L), List.of(6L)),
                pushable("amount > 10.5", "amount", call(GREATER_THAN, AMOUNT, number("10.5")),
                        List.of(dec("10.500000001"), dec("1000")), List.of(dec("10.5"), dec("3"))),
                pushable("amount >= 10.5", "amount", call(GREATER_THAN_OR_EQUAL, AMOUNT, number("10.5")),
                        List.of(dec("10.5"), dec("11")), List.of(dec("10.499999999"))),
                pushable("5 < qty (literal on the left)", "qty", call(LESS_THAN, number("5"), QTY), List.of(6L, 100L), List.of(5L, 4L)),
                pushable("active = TRUE", "active", call(EQUALS, ACTIVE, REX.makeLiteral(true)), List.of(true), List.of(false)),
                pushable("qty = 3.00 (a whole decimal)", "qty", call(EQUALS, QTY, number("3.00")), List.of(3L), List.of(2L, 4L)),
                pushable("amount = 1.5000000000000 (zeros beyond the scale)", "amount", call(EQUALS, AMOUNT, number("1.5000000000000")),
                        List.of(dec("1.5")), List.of(dec("1.500000001"))),
                pushable("status IN ('A', 'BB', 'C')", "status", REX.makeIn(STATUS, List.of(text("A"), text("BB"), text("C"))),
                        List.of("A", "BB", "C"), List.of("B", "D", "")),
                pushable("qty NOT IN (1, 2)", "qty", SIMPLIFY.simplify(call(SqlStdOperatorTable.NOT,
                        REX.makeIn(QTY, List.of(number("1"), number("2"))))), List.of(0L, 3L, Long.MAX_VALUE), List.of(1L, 2L)),
                pushable("qty BETWEEN 10 AND 20", "qty", REX.makeBetween(QTY, number("10"), number("20")),
                        List.of(10L, 15L, 20L), List.of(9L, 21L)),
                pushable("SEARCH amount < 1 OR amount >= 100", "amount", search(AMOUNT, RexUnknownAs.UNKNOWN, outside),
                        List.of(dec("0.999999999"), dec("-5"), dec("100"), dec("1000")), List.of(dec("1"), dec("99.999999999"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pushableConjuncts")
    void pushedConjunctAdmitsExactlyItsValuesAndNotNull(String sql, String column, RexNode conjunct, List<?> admitted, List<?> rejected)
    {
        ValueSet set = pushedOnly(column, conjunct);
        assertAdmits(set, admitted.toArray());
        assertRejects(set, rejected.toArray());
        assertRejects(set, (Object) null);
    }

    @Test
    void inNotInAndBetweenReachTheTranslatorAsSearch()
    {
        RexNode in = REX.makeIn(QTY, List.of(number("1"), number("2")));
        assertThat(List.of(in, SIMPLIFY.simplify(call(SqlStdOperatorTable.NOT, in)), REX.makeBetween(QTY, number("10"), number("20"))))
                .extracting(RexNode::getKind).containsOnly(SqlKind.SEARCH);
    }

    @Test
    void searchWhoseNullsCountAsTrueAdmitsNull()
    {
        // status IN ('A') OR status IS NULL
        RangeSet<NlsString> points = ImmutableRangeSet.of(com.google.common.collect.Range.singleton(text("A").getValueAs(NlsString.class)));
        ValueSet set = pushedOnly("status", search(STATUS, RexUnknownAs.TRUE, points));
        assertAdmits(set, "A", null);
        assertRejects(set, "B");
    }

    @Test
    void isNullAndIsNotNullArePushed()
    {
        ValueSet isNull = pushedOnly("status", REX.makeCall(SqlStdOperatorTable.IS_NULL, STATUS));
        assertAdmits(isNull, (Object) null);
        assertRejects(isNull, "A", "");
        ValueSet notNull = pushedOnly("qty", REX.makeCall(SqlStdOperatorTable.IS_NOT_NULL, QTY));
        assertAdmits(notNull, 0L, Long.MAX_VALUE);
        assertRejects(notNull, (Object) null);
    }

    @Test
    void nestedAndIsFlattenedAndBothSidesPushed()
    {
        RexNode nested = call(AND, call(EQUALS, STATUS, text("A")), call(GREATER_THAN, QTY, number("3")));
        ConstraintTranslator.Translation t = translate(nested);
        assertThat(t.pushed()).containsOnlyKeys("status", "qty");
        assertThat(t.residual()).isEmpty();
        assertAdmits(t.pushed().get("status"), "A");
        assertAdmits(t.pushed().get("qty"), 4L);
        assertRejects(t.pushed().get("qty"), 3L);
    }

    @Test
    void twoConjunctsOnOneColumnAreIntersected()
    {
        ConstraintTranslator.Translation t = translate(call(GREATER_THAN, QTY, number("1")), call(LESS_THAN, QTY, number("5")));
        assertThat(t.pushed()).containsOnlyKeys("qty");
        assertThat(t.residual()).isEmpty();
        assertAdmits(t.pushed().get("qty"), 2L, 4L);
        assertRejects(t.pushed().get("qty"), 1L, 5L, 0L, 6L, null);
    }

    static Stream<Arguments> conjunctsThatCannotBeConstraints()
    {
        return Stream.of(
                Arguments.of("a function of the column", call(EQUALS, call(SqlStdOperatorTable.UPPER, STATUS), text("A"))),
                Arguments.of("BIGINT = 2.5", call(EQUALS, QTY, number("2.5"))),
                Arguments.of("BIGINT > 2.5", call(GREATER_THAN, QTY, number("2.5"))),
                Arguments.of("BIGINT BETWEEN 1.5 AND 3", REX.makeBetween(QTY, number("1.5"), number("3"))),
                Arguments.of("DECIMAL(38, 9) = 1.0000000001", call(EQUALS, AMOUNT, number("1.0000000001"))),
                Arguments.of("DECIMAL(38, 9) IN (1, 2.0000000001)", REX.makeIn(AMOUNT, List.of(number("1"), number("2.0000000001")))),
                Arguments.of("DECIMAL = approximate literal", call(EQUALS, AMOUNT, REX.makeApproxLiteral(new BigDecimal("2.5")))),
                Arguments.of("a comparison with NULL", call(EQUALS, STATUS, REX.makeNullLiteral(STATUS.getType()))),
                Arguments.of("LIST IS NULL", REX.makeCall(SqlStdOperatorTable.IS_NULL, TAGS)),
                Arguments.of("STRUCT IS NOT NULL", REX.makeCall(SqlStdOperatorTable.IS_NOT_NULL, ADDRESS)),
                Arguments.of("LIST = literal", call(EQUALS, TAGS, text("x"))),
                Arguments.of("STRUCT = literal", call(EQUALS, ADDRESS, text("x"))),
                Arguments.of("a comparison of two columns", call(LESS_THAN, QTY, AMOUNT)),
                Arguments.of("a bare boolean column", ACTIVE));
    }

    @ParameterizedTest(name = "{0} stays residual")
    @MethodSource("conjunctsThatCannotBeConstraints")
    void conjunctThatCannotBeAConstraintStaysResidual(String description, RexNode conjunct)
    {
        ConstraintTranslator.Translation t = translate(conjunct);
        assertThat(t.pushed()).as("pushed for %s", conjunct).isEmpty();
        assertThat(t.residual()).containsExactly(conjunct);
    }

    @Test
    void orAcrossTwoColumnsStaysResidualBesideAPushedConjunct()
    {
        RexNode or = call(SqlStdOperatorTable.OR, call(EQUALS, STATUS, text("A")), call(EQUALS, QTY, number("1")));
        ConstraintTranslator.Translation t = translate(or, call(EQUALS, STATUS, text("B")));
        assertThat(t.residual()).containsExactly(or);
        assertThat(t.pushed()).containsOnlyKeys("status");
        assertAdmits(t.pushed().get("status"), "B");
        assertRejects(t.pushed().get("status"), "A");
    }

    @Test
    void hostileStringIsCarriedExactlyAsAValue()
    {
        String hostile = "O'Brien\" OR 1=1 -- #tag: a)b\nline2 ünïcødé €";
        RexLiteral literal = REX.makeCharLiteral(new NlsString(hostile, ConversionUtil.NATIVE_UTF16_CHARSET_NAME, SqlCollation.IMPLICIT));
        ValueSet set = pushedOnly("status", call(EQUALS, STATUS, literal));
        assertThat(set.isSingleValue()).isTrue();
        assertThat(set.getSingleValue().toString()).isEqualTo(hostile);
        assertAdmits(set, hostile);
        assertRejects(set, "O'Brien", "O''Brien\" OR 1=1 -- #tag: a)b\nline2 ünïcødé €");
    }

    @Test
    void javaValueConvertsLiteralsToTheColumnsJavaType()
    {
        assertThat(ConstraintTranslator.javaValue(UTF8, new NlsString("x", null, null))).isEqualTo("x");
        assertThat(ConstraintTranslator.javaValue(UTF8, new BigDecimal("1"))).isNull();
        assertThat(ConstraintTranslator.javaValue(BIGINT, new BigDecimal("42.000"))).isEqualTo(42L);
        assertThat(ConstraintTranslator.javaValue(BIGINT, 7)).isEqualTo(7L);
        assertThat(ConstraintTranslator.javaValue(BIGINT, new BigDecimal("2.5"))).isNull();
        assertThat(ConstraintTranslator.javaValue(BIGINT, new BigDecimal("1E+20"))).isNull();
        assertThat(ConstraintTranslator.javaValue(DECIMAL, new BigDecimal("1.5"))).isEqualTo(new BigDecimal("1.500000000"));
        assertThat(ConstraintTranslator.javaValue(DECIMAL, new BigDecimal("1E+3"))).isEqualTo(new BigDecimal("1000.000000000"));
        assertThat(ConstraintTranslator.javaValue(DECIMAL, new BigDecimal("0.0000000001"))).isNull();
        assertThat(ConstraintTranslator.javaValue(DECIMAL, 3L)).isNull();
        assertThat(ConstraintTranslator.javaValue(ArrowType.Bool.INSTANCE, Boolean.TRUE)).isEqualTo(true);
        assertThat(ConstraintTranslator.javaValue(UTF8, null)).isNull();
        assertThat(ConstraintTranslator.javaValue(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE),
                new BigDecimal("1.5"))).isNull();
    }

    private ConstraintTranslator.Translation translate(RexNode... conjuncts)
    {
        ConstraintTranslator.Translation t = ConstraintTranslator.translate(allocator, FIELDS, List.of(conjuncts));
        translations.add(t);
        return t;
    }

    private ValueSet pushedOnly(String column, RexNode conjunct)
    {
        ConstraintTranslator.Translation t = translate(conjunct);
        assertThat(t.residual()).as("residual of %s", conjunct).isEmpty();
        assertThat(t.pushed()).as("pushed for %s", conjunct).containsOnlyKeys(column);
        return t.pushed().get(column);
    }

    private static void assertAdmits(ValueSet set, Object... values)
    {
        for (Object v : Arrays.asList(values)) {
            assertThat(set.containsValue(v)).as("%s admits %s", set, v).isTrue();
        }
    }

    private static void assertRejects(ValueSet set, Object... values)
    {
        for (Object v : Arrays.asList(values)) {
            assertThat(set.containsValue(v)).as("%s rejects %s", set, v).isFalse();
        }
    }

    private static Arguments pushable(String sql, String column, RexNode conjunct, List<?> admitted, List<?> rejected)
    {
        return Arguments.of(sql, column, conjunct, admitted, rejected);
    }

    private static <C extends Comparable<C>> RexNode search(RexInputRef column, RexUnknownAs nullAs, RangeSet<C> ranges)
    {
        return call(SqlStdOperatorTable.SEARCH, column, REX.makeSearchArgumentLiteral(Sarg.of(nullAs, ranges), column.getType()));
    }

    private static RexNode call(SqlOperator op, RexNode... operands)
    {
        return REX.makeCall(op, operands);
    }

    private static RexLiteral text(String s)
    {
        return REX.makeLiteral(s);
    }

    private static RexLiteral number(String s)
    {
        return REX.makeExactLiteral(new BigDecimal(s));
    }

    private static BigDecimal dec(String s)
    {
        return new BigDecimal(s).setScale(9);
    }

    private static RelDataType nullable(RelDataType type)
    {
        return TYPES.createTypeWithNullability(type, true);
    }
}
