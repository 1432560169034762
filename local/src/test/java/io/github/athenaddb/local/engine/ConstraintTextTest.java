package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConstraintTextTest
{
    private static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
    private static final ArrowType BIGINT = new ArrowType.Int(64, true);
    private static final ArrowType DECIMAL = new ArrowType.Decimal(38, 9, 128);

    private final BlockAllocatorImpl allocator = new BlockAllocatorImpl();

    @AfterEach
    void closeAllocator()
    {
        allocator.close();
    }

    @Test
    void singleValueReadsAsEquality()
    {
        assertThat(ConstraintText.describe("status", SortedRangeSet.of(false, Range.equal(allocator, UTF8, "A"))))
                .isEqualTo("status = 'A'");
        assertThat(ConstraintText.describe("qty", SortedRangeSet.of(false, Range.equal(allocator, BIGINT, 5L))))
                .isEqualTo("qty = 5");
        assertThat(ConstraintText.describe("active", SortedRangeSet.of(false, Range.equal(allocator, ArrowType.Bool.INSTANCE, true))))
                .isEqualTo("active = true");
    }

    @Test
    void severalValuesReadAsAnInListInOrder()
    {
        ValueSet set = SortedRangeSet.of(false, Range.equal(allocator, UTF8, "B"), Range.equal(allocator, UTF8, "A"));
        assertThat(ConstraintText.describe("status", set)).isEqualTo("status IN ('A', 'B')");
    }

    @Test
    void boundedRangesReadAsComparisons()
    {
        assertThat(ConstraintText.describe("qty", SortedRangeSet.of(false, Range.greaterThan(allocator, BIGINT, 10L))))
                .isEqualTo("qty > 10");
        assertThat(ConstraintText.describe("qty", SortedRangeSet.of(false, Range.lessThanOrEqual(allocator, BIGINT, 10L))))
                .isEqualTo("qty <= 10");
        assertThat(ConstraintText.describe("qty", SortedRangeSet.of(false, Range.range(allocator, BIGINT, 1L, true, 5L, false))))
                .isEqualTo("qty >= 1 AND qty < 5");
    }

    @Test
    void disjointRangesAndPointsAreJoinedWithOr()
    {
        ValueSet set = SortedRangeSet.of(false, Range.lessThan(allocator, BIGINT, 0L), Range.equal(allocator, BIGINT, 7L),
                Range.greaterThanOrEqual(allocator, BIGINT, 100L));
        assertThat(ConstraintText.describe("qty", set)).isEqualTo("(qty = 7 OR qty < 0 OR qty >= 100)");
    }

    @Test
    void notEqualReadsAsTheTwoSidesOfTheValue()
    {
        ValueSet set = SortedRangeSet.of(false, Range.lessThan(allocator, BIGINT, 5L), Range.greaterThan(allocator, BIGINT, 5L));
        assertThat(ConstraintText.describe("qty", set)).isEqualTo("(qty < 5 OR qty > 5)");
    }

    @Test
    void nullChecksReadAsIsNullAndIsNotNull()
    {
        assertThat(ConstraintText.describe("status", SortedRangeSet.onlyNull(UTF8))).isEqualTo("status IS NULL");
        assertThat(ConstraintText.describe("status", SortedRangeSet.notNull(allocator, UTF8))).isEqualTo("status IS NOT NULL");
    }

    @Test
    void allowedNullIsAddedAsAnAlternative()
    {
        ValueSet set = SortedRangeSet.of(true, Range.equal(allocator, UTF8, "A"));
        assertThat(ConstraintText.describe("status", set)).isEqualTo("(status = 'A' OR status IS NULL)");
    }

    @Test
    void emptyAndUnrestrictedSetsReadAsFalseAndTrue()
    {
        assertThat(ConstraintText.describe("status", SortedRangeSet.none(UTF8))).isEqualTo("FALSE");
        assertThat(ConstraintText.describe("status", SortedRangeSet.all(allocator, UTF8))).isEqualTo("TRUE");
    }

    @Test
    void stringsAreQuotedWithEmbeddedQuotesDoubled()
    {
        ValueSet set = SortedRangeSet.of(false, Range.equal(allocator, UTF8, "O'Brien"));
        assertThat(ConstraintText.describe("name", set)).isEqualTo("name = 'O''Brien'");
    }

    @Test
    void decimalsAreInPlainNotation()
    {
        ValueSet positive = SortedRangeSet.of(false, Range.greaterThan(allocator, DECIMAL, new BigDecimal("0").setScale(9)));
        assertThat(ConstraintText.describe("amount", positive)).isEqualTo("amount > 0.000000000");
        ValueSet tiny = SortedRangeSet.of(false, Range.lessThan(allocator, DECIMAL, new BigDecimal("0.000000001")));
        assertThat(ConstraintText.describe("amount", tiny)).isEqualTo("amount < 0.000000001");
        ValueSet price = SortedRangeSet.of(false, Range.equal(allocator, DECIMAL, new BigDecimal("89.500000000")));
        assertThat(ConstraintText.describe("amount", price)).isEqualTo("amount = 89.500000000");
    }

    @Test
    void describeMapKeepsTheColumnOrder()
    {
        Map<String, ValueSet> constraints = new LinkedHashMap<>();
        constraints.put("type", SortedRangeSet.of(false, Range.equal(allocator, UTF8, "Order")));
        constraints.put("qty", SortedRangeSet.notNull(allocator, BIGINT));
        assertThat(ConstraintText.describe(constraints)).containsExactly(
                Map.entry("type", "type = 'Order'"), Map.entry("qty", "qty IS NOT NULL"));
        assertThat(ConstraintText.describe(Map.of())).isEmpty();
    }
}
