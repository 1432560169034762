package io.github.athenaddb.local.engine;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A statement's result and what it cost.
 *
 * @param columns column labels, lower-cased
 * @param types SQL type names of the columns
 * @param rows values: String, Long, BigDecimal, Boolean, byte[], List, Map, java.sql date/time
 */
public record QueryResult(List<String> columns, List<String> types, List<List<Object>> rows, long wallMillis, List<SourceStats> sources)
{
    /**
     * Per table read: the stats contract of {@code --stats-json}.
     *
     * @param pushedPerRead per read of the table, the constraints sent ("" for none)
     * @param limitPerRead per read, in the same order, the limit and order sent ({@link ScanLimit#NONE} for none)
     * @param requests by kind: DynamoDB's, GetRecords for a change table, S3 GetObject for an export table
     * @param lossyColumns the columns read that hold values with less precision than stored, each with the connector's note
     * @param exportTime for an export table, the point in time its export holds
     */
    public record SourceStats(String catalog, String schema, String table, int splits, Map<String, Long> requests,
                              double rcu, long itemsScanned, long rowsReturned, List<String> pushedPerRead,
                              List<ScanLimit> limitPerRead, List<String> lossyColumns, Optional<Instant> exportTime)
    {
        /** A read of a table that is not an export's. */
        public SourceStats(String catalog, String schema, String table, int splits, Map<String, Long> requests,
                           double rcu, long itemsScanned, long rowsReturned, List<String> pushedPerRead,
                           List<ScanLimit> limitPerRead, List<String> lossyColumns)
        {
            this(catalog, schema, table, splits, requests, rcu, itemsScanned, rowsReturned, pushedPerRead, limitPerRead, lossyColumns,
                    Optional.empty());
        }

        /** A read of no column that is lossy (GetTable's field metadata ddb.lossy). */
        public SourceStats(String catalog, String schema, String table, int splits, Map<String, Long> requests,
                           double rcu, long itemsScanned, long rowsReturned, List<String> pushedPerRead, List<ScanLimit> limitPerRead)
        {
            this(catalog, schema, table, splits, requests, rcu, itemsScanned, rowsReturned, pushedPerRead, limitPerRead, List.of());
        }

        /** Reads that sent constraints but no limit. */
        public SourceStats(String catalog, String schema, String table, int splits, Map<String, Long> requests,
                           double rcu, long itemsScanned, long rowsReturned, List<String> pushedPerRead)
        {
            this(catalog, schema, table, splits, requests, rcu, itemsScanned, rowsReturned, pushedPerRead,
                    Collections.nCopies(pushedPerRead.size(), ScanLimit.NONE));
        }

        public SourceStats
        {
            lossyColumns = List.copyOf(lossyColumns);
            requireNonNull(exportTime, "exportTime is null");
            if (limitPerRead.size() != pushedPerRead.size()) {
                throw new IllegalArgumentException("one limit per read: " + limitPerRead.size() + " for " + pushedPerRead.size() + " reads");
            }
        }
    }
}
