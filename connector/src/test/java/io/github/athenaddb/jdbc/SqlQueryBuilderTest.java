package io.github.athenaddb.jdbc;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.AllOrNoneValueSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.EquatableValueSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField.Direction;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.Types;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlQueryBuilderTest
{
    private static final ArrowType VARCHAR = Types.MinorType.VARCHAR.getType();
    private static final ArrowType BIGINT = Types.MinorType.BIGINT.getType();
    private static final ArrowType INT = Types.MinorType.INT.getType();

    private final BlockAllocatorImpl allocator = new BlockAllocatorImpl();

    @AfterEach
    void close()
    {
        allocator.close();
    }

    /** A ValueSet shape on column c, its WHERE clause with {@code C} for the quoted column (empty: no WHERE), its parameters. */
    static Stream<Arguments> shapes()
    {
        return Stream.of(
                shape("= value", a -> SortedRangeSet.of(false, Range.equal(a, BIGINT, 5L)), "(C = ?)", 5L),
                shape("IN", a -> SortedRangeSet.of(false, Range.equal(a, BIGINT, 9L),
                        List.of(Range.equal(a, BIGINT, 2L), Range.equal(a, BIGINT, 5L))), "(C IN (?, ?, ?))", 2L, 5L, 9L),
                shape("> value", a -> SortedRangeSet.of(false, Range.greaterThan(a, BIGINT, 5L)), "(C > ?)", 5L),
                shape(">= value", a -> SortedRangeSet.of(false, Range.greaterThanOrEqual(a, BIGINT, 5L)), "(C >= ?)", 5L),
                shape("< value", a -> SortedRangeSet.of(false, Range.lessThan(a, BIGINT, 5L)), "(C < ?)", 5L),
                shape("<= value", a -> SortedRangeSet.of(false, Range.lessThanOrEqual(a, BIGINT, 5L)), "(C <= ?)", 5L),
                shape("[low, high)", a -> SortedRangeSet.of(false, Range.range(a, BIGINT, 1L, true, 9L, false)),
                        "(C >= ? AND C < ?)", 1L, 9L),
                shape("(low, high]", a -> SortedRangeSet.of(false, Range.range(a, BIGINT, 1L, false, 9L, true)),
                        "(C > ? AND C <= ?)", 1L, 9L),
                shape("two ranges OR-ed", a -> SortedRangeSet.of(false, Range.greaterThan(a, BIGINT, 8L),
                        List.of(Range.lessThanOrEqual(a, BIGINT, 2L))), "(C <= ? OR C > ?)", 2L, 8L),
                shape("points and a range", a -> SortedRangeSet.of(false, Range.equal(a, BIGINT, 1L),
                        List.of(Range.range(a, BIGINT, 5L, true, 7L, true), Range.equal(a, BIGINT, 20L))),
                        "(C IN (?, ?) OR (C >= ? AND C <= ?))", 1L, 20L, 5L, 7L),
                shape("range or NULL", a -> SortedRangeSet.of(true, Range.greaterThan(a, BIGINT, 5L)), "(C > ? OR C IS NULL)", 5L),
                shape("closed range or NULL", a -> SortedRangeSet.of(true, Range.range(a, BIGINT, 1L, true, 9L, false)),
                        "((C >= ? AND C < ?) OR C IS NULL)", 1L, 9L),
                shape("IN or NULL", a -> SortedRangeSet.of(true, Range.equal(a, BIGINT, 1L), List.of(Range.equal(a, BIGINT, 2L))),
                        "(C IN (?, ?) OR C IS NULL)", 1L, 2L),
                shape("<> value (complement allows NULL)", a -> SortedRangeSet.of(false, Range.equal(a, BIGINT, 5L)).complement(a),
                        "(C < ? OR C > ? OR C IS NULL)", 5L, 5L),
                shape("<> value without NULL", a -> SortedRangeSet.of(false, Range.lessThan(a, BIGINT, 5L),
                        List.of(Range.greaterThan(a, BIGINT, 5L))), "(C < ? OR C > ?)", 5L, 5L),
                shape("IS NULL", a -> SortedRangeSet.onlyNull(BIGINT), "(C IS NULL)"),
                shape("IS NOT NULL", a -> SortedRangeSet.notNull(a, BIGINT), "(C IS NOT NULL)"),
                shape("every value and NULL", a -> SortedRangeSet.all(a, BIGINT), ""),
                shape("no value", a -> SortedRangeSet.none(BIGINT), "(1 = 0)"),
                shape("white list", a -> EquatableValueSet.newBuilder(a, VARCHAR, true, false).add("a").add("b").build(),
                        "(C IN (?, ?))", "a", "b"),
                shape("white list of one or NULL", a -> EquatableValueSet.newBuilder(a, VARCHAR, true, true).add("a").build(),
                        "(C = ? OR C IS NULL)", "a"),
                shape("empty white list", a -> EquatableValueSet.newBuilder(a, VARCHAR, true, false).build(), "(1 = 0)"),
                shape("empty white list or NULL", a -> EquatableValueSet.newBuilder(a, VARCHAR, true, true).build(), "(C IS NULL)"),
                shape("black list", a -> EquatableValueSet.newBuilder(a, VARCHAR, false, false).add("a").add("b").build(),
                        "(C NOT IN (?, ?))", "a", "b"),
                shape("black list of one or NULL", a -> EquatableValueSet.newBuilder(a, VARCHAR, false, true).add("a").build(),
                        "(C <> ? OR C IS NULL)", "a"),
                shape("black list of several or NULL", a -> EquatableValueSet.newBuilder(a, VARCHAR, false, true).add("a").add("b").build(),
                        "(C NOT IN (?, ?) OR C IS NULL)", "a", "b"),
                shape("empty black list", a -> EquatableValueSet.newBuilder(a, VARCHAR, false, false).build(), "(C IS NOT NULL)"),
                shape("empty black list or NULL", a -> EquatableValueSet.newBuilder(a, VARCHAR, false, true).build(), ""),
                shape("all or none: all", a -> new AllOrNoneValueSet(VARCHAR, true, true), ""),
                shape("all or none: all but NULL", a -> new AllOrNoneValueSet(VARCHAR, true, false), "(C IS NOT NULL)"),
                shape("all or none: only NULL", a -> new AllOrNoneValueSet(VARCHAR, false, true), "(C IS NULL)"),
                shape("all or none: none", a -> new AllOrNoneValueSet(VARCHAR, false, false), "(1 = 0)"));
    }

    private static Arguments shape(String name, Function<BlockAllocator, ValueSet> set, String where, Object... parameters)
    {
        return Arguments.of(name, set, where, List.of(parameters));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void eachShapeIsPlaceholdersOnlyInEachDialect(String name, Function<BlockAllocator, ValueSet> set, String where, List<Object> parameters)
    {
        for (SqlDialect dialect : SqlDialect.values()) {
            SqlQuery query = build(dialect, Map.of("c", set.apply(allocator)));

            String c = dialect.quote("c");
            String expected = "SELECT " + c + " FROM " + dialect.quote("s") + "." + dialect.quote("t")
                    + (where.isEmpty() ? "" : " WHERE " + where.replace("C", c));
            assertThat(query.sql()).as("%s in %s", name, dialect).isEqualTo(expected);
            assertThat(query.parameters()).as("%s in %s", name, dialect).containsExactlyElementsOf(parameters);
        }
    }

    static Stream<Arguments> valueTypes()
    {
        return Stream.of(
                Arguments.of(VARCHAR, "héllo✓", "héllo✓"),
                Arguments.of(INT, 7, 7),
                Arguments.of(BIGINT, 7L, 7L),
                Arguments.of(Types.MinorType.SMALLINT.getType(), (short) 7, (short) 7),
                Arguments.of(Types.MinorType.TINYINT.getType(), (byte) 7, (byte) 7),
                Arguments.of(Types.MinorType.FLOAT8.getType(), 1.25d, 1.25d),
                Arguments.of(Types.MinorType.FLOAT4.getType(), 1.25f, 1.25f),
                Arguments.of(new ArrowType.Decimal(38, 9, 128), new BigDecimal("1.5"), new BigDecimal("1.500000000")),
                Arguments.of(Types.MinorType.BIT.getType(), true, true),
                Arguments.of(Types.MinorType.VARBINARY.getType(), new byte[] {0, 1, (byte) 0xff}, new byte[] {0, 1, (byte) 0xff}),
                Arguments.of(Types.MinorType.DATEDAY.getType(), 19724, LocalDate.of(2024, 1, 2)),
                Arguments.of(Types.MinorType.DATEDAY.getType(), LocalDate.of(1969, 12, 31), LocalDate.of(1969, 12, 31)),
                Arguments.of(Types.MinorType.DATEMILLI.getType(), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6_000_000),
                        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6_000_000)),
                Arguments.of(Types.MinorType.DATEMILLI.getType(), 1_700_000_000_000L, LocalDateTime.of(2023, 11, 14, 22, 13, 20)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("valueTypes")
    void valuesOfEachArrowTypeBecomePlainJdbcValues(ArrowType type, Object given, Object expected)
    {
        assertThat(SqlQueryBuilder.supports(type)).isTrue();

        SqlQuery point = build(SqlDialect.POSTGRESQL, Map.of("c", SortedRangeSet.of(false, Range.equal(allocator, type, given))));
        SqlQuery range = build(SqlDialect.MYSQL, Map.of("c", SortedRangeSet.of(false, Range.greaterThan(allocator, type, given))));
        SqlQuery listed = build(SqlDialect.MYSQL, Map.of("c", EquatableValueSet.newBuilder(allocator, type, true, false).add(given).build()));

        for (SqlQuery query : List.of(point, range, listed)) {
            assertThat(query.parameters()).hasSize(1);
            assertThat(query.parameters().get(0)).isInstanceOf(expected.getClass()).isEqualTo(expected);
        }
    }

    @Test
    void typesWithoutAConversionAreRefused()
    {
        ArrowType timestamp = new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC");
        assertThat(SqlQueryBuilder.supports(timestamp)).isFalse();
        assertThat(SqlQueryBuilder.supports(new ArrowType.Int(32, false))).isFalse();

        assertThatThrownBy(() -> build(SqlDialect.POSTGRESQL,
                Map.of("c", SortedRangeSet.of(false, Range.equal(allocator, timestamp, 1_700_000_000_000L)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Timestamp")
                .hasMessageNotContaining("1700000000000");
    }

    static Stream<String> hostileValues()
    {
        return Stream.of("it's", "a\"b", "a`b", "back\\slash\\", "'; DROP TABLE x; --", "$$ $tag$", "nul\0byte",
                "new\nline\r", "ünï✓😀", "?", "? OR 1=1 --", "/* c */", "%_", "");
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void hostileStringsAreOnlyParameters(String hostile)
    {
        for (SqlDialect dialect : SqlDialect.values()) {
            Map<String, ValueSet> withHostile = new LinkedHashMap<>();
            withHostile.put("eq", SortedRangeSet.of(false, Range.equal(allocator, VARCHAR, hostile)));
            withHostile.put("in", SortedRangeSet.of(false, Range.equal(allocator, VARCHAR, hostile), List.of(Range.equal(allocator, VARCHAR, hostile + "\u0001"))));
            withHostile.put("range", SortedRangeSet.of(true, Range.range(allocator, VARCHAR, hostile, true, hostile + "~", false)));
            withHostile.put("white", EquatableValueSet.newBuilder(allocator, VARCHAR, true, false).add(hostile).build());
            withHostile.put("black", EquatableValueSet.newBuilder(allocator, VARCHAR, false, true).add(hostile).build());
            Map<String, ValueSet> withPlain = new LinkedHashMap<>();
            withPlain.put("eq", SortedRangeSet.of(false, Range.equal(allocator, VARCHAR, "x")));
            withPlain.put("in", SortedRangeSet.of(false, Range.equal(allocator, VARCHAR, "x"), List.of(Range.equal(allocator, VARCHAR, "y"))));
            withPlain.put("range", SortedRangeSet.of(true, Range.range(allocator, VARCHAR, "x", true, "y", false)));
            withPlain.put("white", EquatableValueSet.newBuilder(allocator, VARCHAR, true, false).add("x").build());
            withPlain.put("black", EquatableValueSet.newBuilder(allocator, VARCHAR, false, true).add("x").build());

            SqlQuery hostileQuery = build(dialect, withHostile);

            assertThat(hostileQuery.sql()).isEqualTo(build(dialect, withPlain).sql());
            assertThat(hostileQuery.parameters()).containsExactlyInAnyOrder(
                    hostile, hostile, hostile + "\u0001", hostile, hostile + "~", hostile, hostile);
            if (!hostile.isEmpty() && !hostile.equals("?")) {
                assertThat(hostileQuery.sql()).doesNotContain(hostile);
            }
        }
    }

    @Test
    void hostileIdentifiersAreQuotedEverywhere()
    {
        Map<String, ValueSet> summary = Map.of("a\"b", SortedRangeSet.of(false, Range.equal(allocator, BIGINT, 1L)),
                "a`b", SortedRangeSet.onlyNull(BIGINT));
        List<OrderByField> orderBy = List.of(new OrderByField("select", Direction.ASC_NULLS_FIRST));
        Optional<SplitRange> split = Optional.of(new SplitRange("ünï✓", 0, 10));

        SqlQuery pg = SqlQueryBuilder.build(SqlDialect.POSTGRESQL, "my\"schema", "from", List.of("a\"b", "a`b", "select", "ünï✓"),
                summary, orderBy, 5, split);
        SqlQuery my = SqlQueryBuilder.build(SqlDialect.MYSQL, "my`db", "from", List.of("a\"b", "a`b", "select", "ünï✓"),
                summary, orderBy, 5, split);

        assertThat(pg.sql()).isEqualTo("SELECT \"a\"\"b\", \"a`b\", \"select\", \"ünï✓\" FROM \"my\"\"schema\".\"from\""
                + " WHERE (\"a\"\"b\" = ?) AND (\"a`b\" IS NULL) AND (\"ünï✓\" >= ? AND \"ünï✓\" < ?)"
                + " ORDER BY \"select\" ASC NULLS FIRST LIMIT 5");
        assertThat(my.sql()).isEqualTo("SELECT `a\"b`, `a``b`, `select`, `ünï✓` FROM `my``db`.`from`"
                + " WHERE (`a\"b` = ?) AND (`a``b` IS NULL) AND (`ünï✓` >= ? AND `ünï✓` < ?)"
                + " ORDER BY `select` ASC LIMIT 5");
        assertThat(pg.parameters()).containsExactly(1L, 0L, 10L);
        assertThat(my.parameters()).containsExactly(1L, 0L, 10L);
    }

    @Test
    void nulInAnIdentifierIsRefused()
    {
        assertThatThrownBy(() -> SqlQueryBuilder.build(SqlDialect.MYSQL, "s", "t", List.of("a\0b"), Map.of(), List.of(), -1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void orderByPlacesNullsAsAskedInEachDialect(Direction direction)
    {
        String pg = SqlQueryBuilder.build(SqlDialect.POSTGRESQL, "s", "t", List.of("c"), Map.of(),
                List.of(new OrderByField("c", direction)), -1, Optional.empty()).sql();
        String my = SqlQueryBuilder.build(SqlDialect.MYSQL, "s", "t", List.of("c"), Map.of(),
                List.of(new OrderByField("c", direction)), -1, Optional.empty()).sql();

        String expectedPg = switch (direction) {
            case ASC_NULLS_FIRST -> "\"c\" ASC NULLS FIRST";
            case ASC_NULLS_LAST -> "\"c\" ASC NULLS LAST";
            case DESC_NULLS_FIRST -> "\"c\" DESC NULLS FIRST";
            case DESC_NULLS_LAST -> "\"c\" DESC NULLS LAST";
        };
        // MySQL sorts NULL lowest: ASC has NULLs first and DESC has them last already.
        String expectedMy = switch (direction) {
            case ASC_NULLS_FIRST -> "`c` ASC";
            case ASC_NULLS_LAST -> "`c` IS NULL ASC, `c` ASC";
            case DESC_NULLS_FIRST -> "`c` IS NULL DESC, `c` DESC";
            case DESC_NULLS_LAST -> "`c` DESC";
        };
        assertThat(pg).isEqualTo("SELECT \"c\" FROM \"s\".\"t\" ORDER BY " + expectedPg);
        assertThat(my).isEqualTo("SELECT `c` FROM `s`.`t` ORDER BY " + expectedMy);
    }

    @Test
    void severalOrderByFieldsKeepTheirOrder()
    {
        List<OrderByField> orderBy = List.of(new OrderByField("b", Direction.DESC_NULLS_FIRST), new OrderByField("a", Direction.ASC_NULLS_LAST));

        assertThat(SqlQueryBuilder.build(SqlDialect.MYSQL, "s", "t", List.of("a"), Map.of(), orderBy, 10, Optional.empty()).sql())
                .isEqualTo("SELECT `a` FROM `s`.`t` ORDER BY `b` IS NULL DESC, `b` DESC, `a` IS NULL ASC, `a` ASC LIMIT 10");
        assertThat(SqlQueryBuilder.build(SqlDialect.POSTGRESQL, "s", "t", List.of("a"), Map.of(), orderBy, 10, Optional.empty()).sql())
                .isEqualTo("SELECT \"a\" FROM \"s\".\"t\" ORDER BY \"b\" DESC NULLS FIRST, \"a\" ASC NULLS LAST LIMIT 10");
    }

    @Test
    void noColumnsSelectsAConstantNullForCounting()
    {
        SqlQuery pg = SqlQueryBuilder.build(SqlDialect.POSTGRESQL, "s", "t", List.of(),
                Map.of("c", SortedRangeSet.of(false, Range.greaterThan(allocator, INT, 3))), List.of(), -1, Optional.empty());
        SqlQuery my = SqlQueryBuilder.build(SqlDialect.MYSQL, "s", "t", List.of(), Map.of(), List.of(), -1, Optional.empty());

        assertThat(pg.sql()).isEqualTo("SELECT NULL FROM \"s\".\"t\" WHERE (\"c\" > ?)");
        assertThat(pg.parameters()).containsExactly(3);
        assertThat(my.sql()).isEqualTo("SELECT NULL FROM `s`.`t`");
        assertThat(my.parameters()).isEmpty();
    }

    @Test
    void limitIsALiteralWhenZeroOrMoreAndAbsentWhenNegative()
    {
        assertThat(SqlQueryBuilder.build(SqlDialect.MYSQL, "s", "t", List.of("c"), Map.of(), List.of(), 0, Optional.empty()).sql())
                .isEqualTo("SELECT `c` FROM `s`.`t` LIMIT 0");
        assertThat(SqlQueryBuilder.build(SqlDialect.POSTGRESQL, "s", "t", List.of("c"), Map.of(), List.of(), Long.MAX_VALUE, Optional.empty()).sql())
                .isEqualTo("SELECT \"c\" FROM \"s\".\"t\" LIMIT 9223372036854775807");
        assertThat(SqlQueryBuilder.build(SqlDialect.POSTGRESQL, "s", "t", List.of("c"), Map.of(), List.of(), -1, Optional.empty()).sql())
                .isEqualTo("SELECT \"c\" FROM \"s\".\"t\"");
    }

    @Test
    void noSchemaReadsTheTableUnqualified()
    {
        assertThat(SqlQueryBuilder.build(SqlDialect.MYSQL, null, "t", List.of("c"), Map.of(), List.of(), -1, Optional.empty()).sql())
                .isEqualTo("SELECT `c` FROM `t`");
    }

    @Test
    void wholeQueryConjoinsColumnsInNameOrderThenTheSplit()
    {
        Map<String, ValueSet> summary = new LinkedHashMap<>();
        summary.put("z", SortedRangeSet.of(true, Range.range(allocator, VARCHAR, "a", true, "m", false)));
        summary.put("a", EquatableValueSet.newBuilder(allocator, BIGINT, false, false).add(1L).add(2L).build());
        summary.put("every", SortedRangeSet.all(allocator, BIGINT));

        SqlQuery query = SqlQueryBuilder.build(SqlDialect.POSTGRESQL, "public", "orders", List.of("id", "z"), summary,
                List.of(new OrderByField("id", Direction.DESC_NULLS_LAST)), 100, Optional.of(new SplitRange("id", -50, 50)));

        assertThat(query.sql()).isEqualTo("SELECT \"id\", \"z\" FROM \"public\".\"orders\""
                + " WHERE (\"a\" NOT IN (?, ?)) AND ((\"z\" >= ? AND \"z\" < ?) OR \"z\" IS NULL) AND (\"id\" >= ? AND \"id\" < ?)"
                + " ORDER BY \"id\" DESC NULLS LAST LIMIT 100");
        assertThat(query.parameters()).containsExactly(1L, 2L, "a", "m", -50L, 50L);
        assertThat(countPlaceholders(query.sql())).isEqualTo(query.parameters().size());
    }

    @Test
    void theFirstAndLastKeyRangesAreOpen()
    {
        SqlQuery first = SqlQueryBuilder.build(SqlDialect.MYSQL, "shop", "t", List.of("id"), Map.of(), List.of(), -1,
                Optional.of(new SplitRange("id", Long.MIN_VALUE, 10)));
        assertThat(first.sql()).isEqualTo("SELECT `id` FROM `shop`.`t` WHERE (`id` < ?)");
        assertThat(first.parameters()).containsExactly(10L);
        SqlQuery last = SqlQueryBuilder.build(SqlDialect.MYSQL, "shop", "t", List.of("id"), Map.of(), List.of(), -1,
                Optional.of(new SplitRange("id", 10, Long.MAX_VALUE)));
        assertThat(last.sql()).isEqualTo("SELECT `id` FROM `shop`.`t` WHERE (`id` >= ?)");
        SqlQuery all = SqlQueryBuilder.build(SqlDialect.MYSQL, "shop", "t", List.of("id"), Map.of(), List.of(), -1,
                Optional.of(new SplitRange("id", Long.MIN_VALUE, Long.MAX_VALUE)));
        assertThat(all.sql()).isEqualTo("SELECT `id` FROM `shop`.`t`");
    }

    @Test
    void splitRangeRefusesAnInvertedRange()
    {
        assertThatThrownBy(() -> new SplitRange("id", 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SplitRange("id", 5, 5).low()).isEqualTo(5);
    }

    @Test
    void parametersAreACopyThatCannotChange()
    {
        List<Object> given = new ArrayList<>(List.of("a"));
        SqlQuery query = new SqlQuery("SELECT ?", given);
        given.add("b");

        assertThat(query.parameters()).containsExactly("a");
        assertThatThrownBy(() -> query.parameters().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static long countPlaceholders(String sql)
    {
        return sql.chars().filter(ch -> ch == '?').count();
    }

    private static SqlQuery build(SqlDialect dialect, Map<String, ValueSet> summary)
    {
        return SqlQueryBuilder.build(dialect, "s", "t", List.of("c"), summary, List.of(), -1, Optional.empty());
    }
}
