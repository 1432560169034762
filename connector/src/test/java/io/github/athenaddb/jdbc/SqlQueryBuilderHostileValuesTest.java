package io.github.athenaddb.jdbc;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The SELECT text holds placeholders only: values, however hostile, travel as parameters. */
class SqlQueryBuilderHostileValuesTest
{
    private final BlockAllocatorImpl allocator = new BlockAllocatorImpl();

    @AfterEach
    void close()
    {
        allocator.close();
    }

    @Test
    void hostileValuesNeverReachTheSqlText()
    {
        String hostile = "x'); DROP TABLE t; -- \" ` $$ ? \n é😀";
        Map<String, ValueSet> summary = new LinkedHashMap<>();
        summary.put("Name", SortedRangeSet.of(false, Range.equal(allocator, ArrowType.Utf8.INSTANCE, hostile)));
        summary.put("Age", SortedRangeSet.of(false, Range.range(allocator, new ArrowType.Int(32, true), 18, true, 65, false)));

        for (SqlDialect dialect : SqlDialect.values()) {
            SqlQuery query = SqlQueryBuilder.build(dialect, "Shop", "Cust\"omers", List.of("Name", "Age"), summary,
                    List.of(new OrderByField("Age", OrderByField.Direction.DESC_NULLS_LAST)), 10, Optional.empty());

            assertThat(query.sql()).as(dialect.name()).doesNotContain("DROP").doesNotContain("é").contains("?");
            assertThat(query.parameters()).as(dialect.name()).contains(hostile, 18, 65);
        }
        SqlQuery pg = SqlQueryBuilder.build(SqlDialect.POSTGRESQL, "Shop", "Cust\"omers", List.of("Name"), summary, List.of(), -1, Optional.empty());
        assertThat(pg.sql()).contains("\"Shop\".\"Cust\"\"omers\"").doesNotContain("LIMIT");
    }

    @Test
    void noColumnsReadsOneConstantPerRow()
    {
        SqlQuery query = SqlQueryBuilder.build(SqlDialect.POSTGRESQL, "s", "t", List.of(), Map.of(), List.of(), -1, Optional.empty());

        assertThat(query.sql()).startsWith("SELECT NULL").contains("FROM \"s\".\"t\"");
        assertThat(query.parameters()).isEmpty();
    }
}
