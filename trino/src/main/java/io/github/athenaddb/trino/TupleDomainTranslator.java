package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.domain.predicate.EquatableValueSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.airlift.slice.Slice;
import io.trino.spi.predicate.AllOrNoneValueSet;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trino's predicate on a table's columns (a {@link TupleDomain}) as the federation SDK's
 * Constraints summary, one ValueSet per column, as Athena's engine builds it: ranges (an IN list
 * of any length is one set of single-value ranges) as a SortedRangeSet, Trino's equatable-only
 * sets as an EquatableValueSet, NULL allowed or not. Values become the Java objects the SDK's
 * blocks hold for each Arrow type (a timestamp a UTC LocalDateTime, a date its day number).
 * A column whose type has no exact SDK value (nested types, sub-millisecond timestamps) is left
 * out: the source then reads more, never fewer, rows; Trino filters every row again anyway.
 */
public final class TupleDomainTranslator
{
    private TupleDomainTranslator() {}

    /** The summary, in the table's column order; the ValueSets hold buffers of {@code allocator}: close them after the call. */
    public static Map<String, ValueSet> summary(BlockAllocator allocator, TupleDomain<FederationColumnHandle> constraint)
    {
        Map<String, ValueSet> summary = new LinkedHashMap<>();
        Optional<Map<FederationColumnHandle, Domain>> domains = constraint.getDomains();
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("A constraint that no row satisfies reads nothing: it has no summary");
        }
        domains.get().forEach((column, domain) -> toValueSet(allocator, column.arrowField().getType(), domain)
                .ifPresent(set -> summary.put(column.name(), set)));
        return summary;
    }

    private static Optional<ValueSet> toValueSet(BlockAllocator allocator, ArrowType arrowType, Domain domain)
    {
        Type type = domain.getType();
        if (domain.isAll() || !isTranslatable(type)) {
            return Optional.empty();
        }
        if (domain.isOnlyNull()) {
            return Optional.of(SortedRangeSet.onlyNull(arrowType));
        }
        io.trino.spi.predicate.ValueSet values = domain.getValues();
        if (values instanceof AllOrNoneValueSet) {
            // Everything but NULL (all is handled above, none with NULL is only-NULL).
            return Optional.of(SortedRangeSet.notNull(allocator, arrowType));
        }
        if (values instanceof io.trino.spi.predicate.EquatableValueSet equatable) {
            EquatableValueSet.Builder builder = EquatableValueSet.newBuilder(allocator, arrowType, equatable.inclusive(), domain.isNullAllowed());
            for (Object value : equatable.getValues()) {
                Optional<Object> sdk = sdkValue(type, value);
                if (sdk.isEmpty()) {
                    return Optional.empty();
                }
                builder.add(sdk.get());
            }
            return Optional.of(builder.build());
        }
        List<Range> ranges = new ArrayList<>();
        for (io.trino.spi.predicate.Range range : ((io.trino.spi.predicate.SortedRangeSet) values).getOrderedRanges()) {
            Optional<Range> sdk = toRange(allocator, arrowType, range);
            if (sdk.isEmpty()) {
                return Optional.empty();
            }
            ranges.add(sdk.get());
        }
        if (ranges.isEmpty()) {
            return Optional.of(domain.isNullAllowed() ? SortedRangeSet.onlyNull(arrowType) : SortedRangeSet.none(arrowType));
        }
        return Optional.of(SortedRangeSet.of(domain.isNullAllowed(), ranges.get(0), ranges.subList(1, ranges.size())));
    }

    private static Optional<Range> toRange(BlockAllocator allocator, ArrowType arrowType, io.trino.spi.predicate.Range range)
    {
        Type type = range.getType();
        Optional<Object> low = range.getLowValue().flatMap(v -> sdkValue(type, v));
        Optional<Object> high = range.getHighValue().flatMap(v -> sdkValue(type, v));
        if (low.isEmpty() != range.isLowUnbounded() || high.isEmpty() != range.isHighUnbounded()) {
            return Optional.empty();
        }
        if (range.isSingleValue()) {
            return Optional.of(Range.equal(allocator, arrowType, low.get()));
        }
        if (low.isPresent() && high.isPresent()) {
            return Optional.of(Range.range(allocator, arrowType, low.get(), range.isLowInclusive(), high.get(), range.isHighInclusive()));
        }
        if (low.isPresent()) {
            return Optional.of(range.isLowInclusive() ? Range.greaterThanOrEqual(allocator, arrowType, low.get()) : Range.greaterThan(allocator, arrowType, low.get()));
        }
        if (high.isPresent()) {
            return Optional.of(range.isHighInclusive() ? Range.lessThanOrEqual(allocator, arrowType, high.get()) : Range.lessThan(allocator, arrowType, high.get()));
        }
        return Optional.of(Range.all(allocator, arrowType));
    }

    private static boolean isTranslatable(Type type)
    {
        return type instanceof VarcharType || type instanceof BigintType || type instanceof IntegerType || type instanceof SmallintType
                || type instanceof TinyintType || type instanceof DoubleType || type instanceof RealType || type instanceof DecimalType
                || type instanceof BooleanType || type instanceof VarbinaryType || type instanceof DateType
                || (type instanceof TimestampType timestamp && timestamp.getPrecision() <= 3);
    }

    /**
     * A Trino value in its stack representation as the object the SDK writes into a block of the
     * column's Arrow type (BlockUtils.setValue): INT, BIGINT and DATEDAY take a Long, SMALLINT a
     * Short, TINYINT a Byte, FLOAT4 a Float, DATEMILLI a UTC LocalDateTime, DECIMAL a BigDecimal.
     */
    static Optional<Object> sdkValue(Type type, Object value)
    {
        if (type instanceof VarcharType) {
            return Optional.of(((Slice) value).toStringUtf8());
        }
        if (type instanceof VarbinaryType) {
            return Optional.of(((Slice) value).getBytes());
        }
        if (type instanceof BigintType || type instanceof IntegerType || type instanceof DateType) {
            return Optional.of((Long) value);
        }
        if (type instanceof SmallintType) {
            return Optional.of((short) (long) (Long) value);
        }
        if (type instanceof TinyintType) {
            return Optional.of((byte) (long) (Long) value);
        }
        if (type instanceof DoubleType || type instanceof BooleanType) {
            return Optional.of(value);
        }
        if (type instanceof RealType) {
            return Optional.of(Float.intBitsToFloat((int) (long) (Long) value));
        }
        if (type instanceof DecimalType decimal) {
            BigDecimal exact = decimal.isShort()
                    ? BigDecimal.valueOf((Long) value, decimal.getScale())
                    : new BigDecimal(((Int128) value).toBigInteger(), decimal.getScale());
            return Optional.of(exact);
        }
        if (type instanceof TimestampType timestamp && timestamp.getPrecision() <= 3) {
            long micros = (Long) value;
            // The SDK's timestamps are milliseconds: a finer value (not from a timestamp(3) column) has none.
            if (micros % 1000 != 0) {
                return Optional.empty();
            }
            return Optional.of(LocalDateTime.ofInstant(Instant.ofEpochMilli(micros / 1000), ZoneOffset.UTC));
        }
        return Optional.empty();
    }
}
