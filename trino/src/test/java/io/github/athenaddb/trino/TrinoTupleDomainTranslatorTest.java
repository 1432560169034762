package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.EquatableValueSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.airlift.slice.Slices;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MILLIS;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trino's TupleDomain → the SDK's Constraints summary, one case per shape of predicate: what is
 * sent, and what is left out (and so only read in full and filtered by Trino).
 */
class TrinoTupleDomainTranslatorTest
{
    private final BlockAllocator allocator = new BlockAllocatorImpl();

    @AfterEach
    void close()
    {
        allocator.close();
    }

    @Test
    void equalityIsOneSingleValueRange()
    {
        ValueSet set = only(column("pk", VARCHAR, ArrowType.Utf8.INSTANCE), Domain.singleValue(VARCHAR, Slices.utf8Slice("p07")));

        assertThat(set).isInstanceOf(SortedRangeSet.class);
        assertThat(set.isSingleValue()).isTrue();
        assertThat(set.getSingleValue()).hasToString("p07");
        assertThat(set.isNullAllowed()).isFalse();
    }

    @Test
    void inListIsOneSetOfSingleValueRanges()
    {
        Domain in = Domain.multipleValues(BIGINT, List.of(3L, 1L, 2L));

        SortedRangeSet set = (SortedRangeSet) only(column("n", BIGINT, new ArrowType.Int(64, true)), in);

        assertThat(set.getOrderedRanges()).hasSize(3).allMatch(r -> r.isSingleValue());
        assertThat(set.getOrderedRanges()).extracting(r -> r.getSingleValue()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void rangesKeepTheirBoundsAndNullAllowed()
    {
        Domain between = Domain.create(io.trino.spi.predicate.ValueSet.ofRanges(Range.range(BIGINT, 10L, true, 20L, false)), true);

        SortedRangeSet set = (SortedRangeSet) only(column("n", BIGINT, new ArrowType.Int(64, true)), between);

        assertThat(set.isNullAllowed()).isTrue();
        assertThat(set.containsValue(10L)).isTrue();
        assertThat(set.containsValue(19L)).isTrue();
        assertThat(set.containsValue(20L)).isFalse();
        assertThat(set.containsValue(9L)).isFalse();
    }

    @Test
    void isNullAndIsNotNull()
    {
        FederationColumnHandle column = column("s", VARCHAR, ArrowType.Utf8.INSTANCE);

        ValueSet isNull = only(column, Domain.onlyNull(VARCHAR));
        ValueSet notNull = only(column, Domain.notNull(VARCHAR));

        assertThat(isNull.isNullAllowed()).isTrue();
        assertThat(isNull.containsValue("x")).isFalse();
        assertThat(notNull.isNullAllowed()).isFalse();
        assertThat(notNull.containsValue("x")).isTrue();
    }

    @Test
    void valuesBecomeTheJavaObjectsOfTheirArrowType()
    {
        DecimalType shortDecimal = DecimalType.createDecimalType(10, 2);
        DecimalType longDecimal = DecimalType.createDecimalType(38, 9);

        assertThat(single(column("d", shortDecimal, new ArrowType.Decimal(10, 2, 128)), shortDecimal, 3665L)).isEqualTo(new BigDecimal("36.65"));
        assertThat(single(column("d", longDecimal, new ArrowType.Decimal(38, 9, 128)), longDecimal, Int128.valueOf(1_500_000_000L)))
                .isEqualTo(new BigDecimal("1.500000000"));
        assertThat(single(column("day", DATE, new ArrowType.Date(DateUnit.DAY)), DATE, 20_000L)).isEqualTo(20_000);
        assertThat(single(column("ts", TIMESTAMP_MILLIS, new ArrowType.Date(DateUnit.MILLISECOND)), TIMESTAMP_MILLIS, 1_767_225_600_123_000L))
                .isEqualTo(LocalDateTime.of(2026, 1, 1, 0, 0, 0, 123_000_000));
        assertThat(single(column("r", REAL, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), REAL,
                (long) Float.floatToIntBits(1.5f))).isEqualTo(1.5f);
        assertThat(single(column("s", SMALLINT, new ArrowType.Int(16, true)), SMALLINT, 7L)).isEqualTo((short) 7);
        assertThat(single(column("t", TINYINT, new ArrowType.Int(8, true)), TINYINT, -3L)).isEqualTo((byte) -3);
        assertThat(single(column("b", BOOLEAN, ArrowType.Bool.INSTANCE), BOOLEAN, true)).isEqualTo(true);
    }

    @Test
    void nestedColumnsAndUnconstrainedColumnsAreLeftOut()
    {
        ArrayType tags = new ArrayType(VARCHAR);
        FederationColumnHandle array = column("tags", tags, ArrowType.List.INSTANCE);
        FederationColumnHandle text = column("s", VARCHAR, ArrowType.Utf8.INSTANCE);

        Map<String, ValueSet> summary = TupleDomainTranslator.summary(allocator, TupleDomain.withColumnDomains(Map.of(
                array, Domain.notNull(tags),
                text, Domain.all(VARCHAR))));

        assertThat(summary).isEmpty();
    }

    @Test
    void notEqualOnABooleanKeepsTheOtherValueAsARange()
    {
        // Booleans are orderable in Trino: the complement is a range set, not an EquatableValueSet.
        Domain notIn = Domain.create(io.trino.spi.predicate.ValueSet.all(BOOLEAN).subtract(io.trino.spi.predicate.ValueSet.of(BOOLEAN, true)), false);

        ValueSet set = only(column("b", BOOLEAN, ArrowType.Bool.INSTANCE), notIn);

        assertThat(set.containsValue(false)).isTrue();
        assertThat(set.containsValue(true)).isFalse();
        assertThat(set).isNotInstanceOf(EquatableValueSet.class);
    }

    private Object single(FederationColumnHandle column, Type type, Object value)
    {
        return only(column, Domain.singleValue(type, value)).getSingleValue();
    }

    private ValueSet only(FederationColumnHandle column, Domain domain)
    {
        Map<String, ValueSet> summary = TupleDomainTranslator.summary(allocator, TupleDomain.withColumnDomains(Map.of(column, domain)));
        assertThat(summary).containsOnlyKeys(column.name());
        return summary.get(column.name());
    }

    private static FederationColumnHandle column(String name, Type type, ArrowType arrowType)
    {
        List<Field> children = arrowType instanceof ArrowType.List ? List.of(Field.nullable("item", ArrowType.Utf8.INSTANCE)) : List.of();
        return FederationColumnHandle.of(new Field(name, FieldType.nullable(arrowType), children), type);
    }
}
