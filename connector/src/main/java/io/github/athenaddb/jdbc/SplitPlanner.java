package io.github.athenaddb.jdbc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides how a JDBC table read is split, a pure function:
 * <ul>
 * <li>a query with a LIMIT is one split: the connector declares LIMIT pushdown, so Athena does
 *     not cut what the splits return, and N rows from each of several splits would be too many;</li>
 * <li>a partitioned PostgreSQL table is one split per leaf partition;</li>
 * <li>a table estimated above {@code splitRows} rows with a single-column integer primary key is
 *     read in equal key ranges, one per {@code splitRows} rows, at most {@code maxSplits}; the
 *     first and last ranges are open, so no key can fall outside them;</li>
 * <li>anything else is one split.</li>
 * </ul>
 */
public final class SplitPlanner
{
    private SplitPlanner() {}

    public static List<JdbcSplit> plan(TableStats.TableRef table, TableStats stats, JdbcOptions options, boolean hasLimit)
    {
        if (hasLimit) {
            return List.of(JdbcSplit.whole(table));
        }
        if (!stats.partitions().isEmpty()) {
            return stats.partitions().stream().map(JdbcSplit::whole).toList();
        }
        if (stats.key().isEmpty() || stats.estimatedRows() <= options.splitRows()) {
            return List.of(JdbcSplit.whole(table));
        }
        TableStats.KeyRange key = stats.key().get();
        // Exact arithmetic: max - min overflows a long for keys spanning the whole bigint range.
        BigInteger span = BigInteger.valueOf(key.max()).subtract(BigInteger.valueOf(key.min()))
                .add(BigInteger.ONE);
        long wanted = Math.min(options.maxSplits(), ceilDiv(stats.estimatedRows(), options.splitRows()));
        int count = (int) Math.min(wanted, span.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue());
        if (count <= 1) {
            return List.of(JdbcSplit.whole(table));
        }
        List<JdbcSplit> splits = new ArrayList<>(count);
        BigInteger min = BigInteger.valueOf(key.min());
        long low = Long.MIN_VALUE;
        for (int i = 1; i <= count; i++) {
            long high = i == count ? Long.MAX_VALUE
                    : min.add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count))).longValueExact();
            splits.add(new JdbcSplit(table, Optional.of(new SplitRange(key.column(), low, high))));
            low = high;
        }
        return splits;
    }

    private static long ceilDiv(long a, long b)
    {
        return -Math.floorDiv(-a, b);
    }
}
