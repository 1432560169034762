package io.github.athenaddb.jdbc;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What of a read goes into the SQL: the WHERE must be a superset, and a LIMIT must not cut before rows the connector drops. */
class JdbcPushdownTest
{
    private static final ArrowType INT = new ArrowType.Int(32, true);
    private static final List<Field> FIELDS = List.of(field("id", INT), field("name", ArrowType.Utf8.INSTANCE),
            field("born", new ArrowType.Date(DateUnit.DAY)), field("score", new ArrowType.FloatingPoint(
                    org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE)));
    private final BlockAllocatorImpl allocator = new BlockAllocatorImpl();

    @AfterEach
    void close()
    {
        allocator.close();
    }

    private static Field field(String name, ArrowType type)
    {
        return new Field(name, FieldType.nullable(type), null);
    }

    private ValueSet eq(ArrowType type, Object value)
    {
        return SortedRangeSet.of(false, Range.equal(allocator, type, value));
    }

    private ValueSet above(ArrowType type, Object value)
    {
        return SortedRangeSet.of(false, Range.greaterThan(allocator, type, value));
    }

    private static OrderByField desc(String column)
    {
        return new OrderByField(column, OrderByField.Direction.DESC_NULLS_LAST);
    }

    @Test
    void numericRangesAndTextEqualityGoToTheSqlTextRangesDoNot()
    {
        JdbcPushdown.Plan plan = JdbcPushdown.plan(SqlDialect.POSTGRESQL, FIELDS,
                Map.of("id", above(INT, 3), "name", eq(ArrowType.Utf8.INSTANCE, "Ada")), List.of(), -1);
        assertThat(plan.pushed()).containsOnlyKeys("id", "name");

        plan = JdbcPushdown.plan(SqlDialect.POSTGRESQL, FIELDS, Map.of("name", above(ArrowType.Utf8.INSTANCE, "M")), List.of(), 10);
        assertThat(plan.pushed()).isEmpty();
        assertThat(plan.sqlLimit()).as("the WHERE is not exact: the split stops at the limit instead").isEqualTo(-1);
        assertThat(plan.rowLimit()).isEqualTo(10);
    }

    @Test
    void aPlainLimitGoesToTheSqlWhenTheWhereIsExact()
    {
        assertThat(JdbcPushdown.plan(SqlDialect.POSTGRESQL, FIELDS, Map.of("id", above(INT, 3)), List.of(), 5).sqlLimit()).isEqualTo(5);
        assertThat(JdbcPushdown.plan(SqlDialect.POSTGRESQL, FIELDS, Map.of(), List.of(), 0).sqlLimit()).isZero();
        // MySQL's default collations compare text ignoring case: its equality is a superset, not exact.
        assertThat(JdbcPushdown.plan(SqlDialect.MYSQL, FIELDS, Map.of("name", eq(ArrowType.Utf8.INSTANCE, "Ada")), List.of(), 5).sqlLimit())
                .isEqualTo(-1);
        assertThat(JdbcPushdown.plan(SqlDialect.POSTGRESQL, FIELDS, Map.of("name", eq(ArrowType.Utf8.INSTANCE, "Ada")), List.of(), 5).sqlLimit())
                .isEqualTo(5);
    }

    @Test
    void topNGoesToTheSqlOnlyOnColumnsOrderedAlike()
    {
        JdbcPushdown.Plan byId = JdbcPushdown.plan(SqlDialect.POSTGRESQL, FIELDS, Map.of(), List.of(desc("id")), 3);
        assertThat(byId.orderBy()).extracting(OrderByField::getColumnName).containsExactly("id");
        assertThat(byId.sqlLimit()).isEqualTo(3);
        assertThat(JdbcPushdown.plan(SqlDialect.POSTGRESQL, FIELDS, Map.of(), List.of(desc("born")), 3).sqlLimit()).isEqualTo(3);

        for (String column : List.of("name", "score", "missing")) {
            JdbcPushdown.Plan plan = JdbcPushdown.plan(SqlDialect.POSTGRESQL, FIELDS, Map.of(), List.of(desc(column)), 3);
            assertThat(plan.orderBy()).as(column).isEmpty();
            assertThat(plan.sqlLimit()).as(column).isEqualTo(-1);
            assertThat(plan.rowLimit()).as(column + ": Athena sorts every row").isEqualTo(-1);
        }
        assertThat(JdbcPushdown.plan(SqlDialect.POSTGRESQL, FIELDS, Map.of("name", above(ArrowType.Utf8.INSTANCE, "M")), List.of(desc("id")), 3)
                .rowLimit()).as("not exact").isEqualTo(-1);
    }
}
