package io.github.athenaddb.ddb.split;

import com.amazonaws.athena.connector.lambda.domain.Split;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.plan.FilterCondition;
import io.github.athenaddb.ddb.plan.ReadRatePlan;
import io.github.athenaddb.ddb.plan.RowLimit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one place that knows how a split is written in its properties: what it reads (its kind and
 * payload), its read options (LIMIT, FilterExpression) and its share of a read rate cap. Any
 * Lambda instance reads the split back from these properties alone, so their names and values
 * are a contract with every Athena engine that holds a split between GetSplits and ReadRecords:
 * change them only with care for splits already planned.
 */
public final class SplitCodec
{
    static final String KIND = "ddb.kind";
    static final String TABLE = "ddb.table";
    static final String SEGMENT = "ddb.segment";
    /** Also a partition property: GetTableLayout sizes the Scan, GetSplits reads the count back. */
    public static final String TOTAL_SEGMENTS = "ddb.totalSegments";
    static final String INDEX = "ddb.index";
    static final String KEY_CONDITIONS = "ddb.keyConditions";
    static final String INDEX_ATTRIBUTES = "ddb.indexAttributes";
    static final String KEYS = "ddb.keys";
    static final String STATEMENT = "ddb.statement";
    static final String STREAM = "ddb.streamArn";
    static final String SHARDS = "ddb.shardIds";
    static final String READ_UNTIL = "ddb.readUntilMillis";
    static final String EXPORT_BUCKET = "ddb.exportBucket";
    static final String EXPORT_FILES = "ddb.exportFiles";
    static final String EXPORT_TIME = "ddb.exportTimeMillis";
    static final String ROW_LIMIT = "ddb.rowLimit";
    static final String BACKWARD = "ddb.scanBackward";
    static final String REQUEST_LIMIT = "ddb.requestLimit";
    static final String COUNTED_ATTRIBUTE = "ddb.countedAttribute";
    static final String FILTER = "ddb.filter";
    static final String MISSING_KIND = "ddb.missingKind";
    static final String MISSING_KEY_CONDITIONS = "ddb.missingKeyConditions";
    static final String MISSING_FILTER = "ddb.missingFilter";
    static final String MISSING_FIRST = "ddb.missingFirst";
    static final String READ_BUDGET = "ddb.readUnitsPerSecond";
    static final String READ_CAP = "ddb.readUnitsPerSecondCap";

    private static final String SCAN = "SCAN";
    private static final String QUERY = "QUERY";
    private static final String GET = "GET";
    private static final String PARTIQL = "PARTIQL";
    private static final String SHARD = "SHARD";
    private static final String EXPORT = "EXPORT";
    private static final String SPARSE_TOP_N = "SPARSE_TOP_N";

    private SplitCodec() {}

    /** A split's share of the read rate cap, and the cap its read's splits share. */
    public record ReadShare(double unitsPerSecond, double capUnitsPerSecond) {}

    /** Adds what {@code read} reads to the split's properties, keeping those already there. */
    public static Split.Builder write(ReadSplit read, Split.Builder split)
    {
        split.add(KIND, kind(read)).add(TABLE, read.table());
        if (read instanceof ScanSplit scan) {
            split.add(SEGMENT, Integer.toString(scan.segment())).add(TOTAL_SEGMENTS, Integer.toString(scan.totalSegments()));
        }
        else if (read instanceof ReadSplit.QuerySplit query) {
            writeQuery(query, split);
        }
        else if (read instanceof SparseIndexTopNSplit topN) {
            writeQuery(topN.index(), split);
            if (topN.missing() instanceof ReadSplit.QuerySplit missing) {
                split.add(MISSING_KIND, QUERY).add(MISSING_KEY_CONDITIONS, KeyJson.writeConditions(missing.conditions()));
            }
            else {
                split.add(MISSING_KIND, SCAN);
            }
            split.add(MISSING_FILTER, KeyJson.write(topN.missingFilter())).add(MISSING_FIRST, Boolean.toString(topN.missingFirst()));
        }
        else if (read instanceof ReadSplit.KeysSplit keys) {
            split.add(KEYS, KeyJson.writeKeys(keys.keys()));
        }
        else if (read instanceof ReadSplit.PartiqlSplit partiql) {
            split.add(STATEMENT, partiql.statement());
        }
        else if (read instanceof ShardSplit shard) {
            split.add(STREAM, shard.streamArn()).add(SHARDS, KeyJson.writeNames(shard.shardIds()))
                    .add(READ_UNTIL, Long.toString(shard.readUntil().toEpochMilli()));
        }
        else if (read instanceof ExportSplit export) {
            split.add(EXPORT_BUCKET, export.bucket()).add(EXPORT_FILES, KeyJson.writeNames(export.dataFiles()))
                    .add(EXPORT_TIME, Long.toString(export.exportTime().toEpochMilli()));
        }
        return split;
    }

    private static void writeQuery(ReadSplit.QuerySplit query, Split.Builder split)
    {
        split.add(KEY_CONDITIONS, KeyJson.writeConditions(query.conditions()));
        query.index().ifPresent(i -> split.add(INDEX, i));
        query.indexAttributes().ifPresent(a -> split.add(INDEX_ATTRIBUTES, KeyJson.writeNames(new TreeSet<>(a))));
    }

    private static String kind(ReadSplit read)
    {
        if (read instanceof ScanSplit) {
            return SCAN;
        }
        if (read instanceof ReadSplit.QuerySplit) {
            return QUERY;
        }
        if (read instanceof ShardSplit) {
            return SHARD;
        }
        if (read instanceof ExportSplit) {
            return EXPORT;
        }
        if (read instanceof SparseIndexTopNSplit) {
            return SPARSE_TOP_N;
        }
        return read instanceof ReadSplit.KeysSplit ? GET : PARTIQL;
    }

    /** What a split reads; a split without a kind is a Scan segment (the first format had only those). */
    public static ReadSplit read(Split split)
    {
        String kind = Optional.ofNullable(split.getProperty(KIND)).orElse(SCAN);
        if (kind.equals(SCAN)) {
            return scan(split);
        }
        String table = split.getProperty(TABLE);
        try {
            return switch (kind) {
                case QUERY -> query(split, table);
                case SPARSE_TOP_N -> new SparseIndexTopNSplit(query(split, table), switch (required(split, MISSING_KIND)) {
                    case QUERY -> new ReadSplit.QuerySplit(table, Optional.empty(), KeyJson.readConditions(required(split, MISSING_KEY_CONDITIONS)),
                            Optional.empty());
                    case SCAN -> new ScanSplit(table, 0, 1);
                    default -> throw new IllegalArgumentException("unknown " + MISSING_KIND);
                }, KeyJson.readFilter(required(split, MISSING_FILTER)), Boolean.parseBoolean(required(split, MISSING_FIRST)));
                case GET -> new ReadSplit.KeysSplit(table, KeyJson.readKeys(required(split, KEYS)));
                case PARTIQL -> new ReadSplit.PartiqlSplit(table, required(split, STATEMENT));
                case SHARD -> new ShardSplit(table, required(split, STREAM), List.copyOf(KeyJson.readNames(required(split, SHARDS))),
                        Instant.ofEpochMilli(Long.parseLong(required(split, READ_UNTIL))));
                case EXPORT -> new ExportSplit(table, required(split, EXPORT_BUCKET), List.copyOf(KeyJson.readNames(required(split, EXPORT_FILES))),
                        Instant.ofEpochMilli(Long.parseLong(required(split, EXPORT_TIME))));
                default -> throw ConnectorException.invalidInput("Unknown split kind '" + kind + "'; send splits as GetSplits returned them");
            };
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw ConnectorException.invalidInput("The split is not valid (" + e.getMessage() + "); send splits as GetSplits returned them");
        }
    }

    private static ReadSplit.QuerySplit query(Split split, String table)
    {
        return new ReadSplit.QuerySplit(table, Optional.ofNullable(split.getProperty(INDEX)), KeyJson.readConditions(required(split, KEY_CONDITIONS)),
                Optional.ofNullable(split.getProperty(INDEX_ATTRIBUTES)).map(KeyJson::readNames));
    }

    private static String required(Split split, String property)
    {
        String value = split.getProperty(property);
        if (value == null) {
            throw new IllegalArgumentException("missing " + property);
        }
        return value;
    }

    /** A Scan segment, from the properties every split format has had. */
    public static ScanSplit scan(Split split)
    {
        String table = split.getProperty(TABLE);
        String segment = split.getProperty(SEGMENT);
        String total = split.getProperty(TOTAL_SEGMENTS);
        if (table == null || segment == null || total == null) {
            throw ConnectorException.invalidInput("The split is missing " + TABLE + ", " + SEGMENT + " or " + TOTAL_SEGMENTS
                    + "; send splits exactly as GetSplits returned them. Properties: " + split.getProperties().keySet());
        }
        try {
            return new ScanSplit(table, Integer.parseInt(segment), Integer.parseInt(total));
        }
        catch (IllegalArgumentException e) {
            throw ConnectorException.invalidInput("The split's segment is invalid: " + e.getMessage());
        }
    }

    /** The LIMIT and FilterExpression; a Scan reads forward, so only a backward Query says so. */
    public static Split.Builder write(ReadOptions options, Split.Builder split)
    {
        RowLimit limit = options.limit();
        if (limit.limited()) {
            split.add(ROW_LIMIT, Long.toString(limit.rows()));
            if (limit.requestLimit()) {
                split.add(REQUEST_LIMIT, "true");
            }
            limit.countedAttribute().ifPresent(a -> split.add(COUNTED_ATTRIBUTE, a));
        }
        if (!limit.forward()) {
            split.add(BACKWARD, "true");
        }
        options.filter().ifPresent(f -> split.add(FILTER, KeyJson.write(f)));
        return split;
    }

    public static ReadOptions options(Split split)
    {
        try {
            String rows = split.getProperty(ROW_LIMIT);
            RowLimit limit = new RowLimit(rows == null ? RowLimit.NONE.rows() : Long.parseLong(rows), false,
                    !"true".equals(split.getProperty(BACKWARD)), "true".equals(split.getProperty(REQUEST_LIMIT)),
                    Optional.ofNullable(split.getProperty(COUNTED_ATTRIBUTE)));
            Optional<FilterCondition> filter = Optional.ofNullable(split.getProperty(FILTER)).map(KeyJson::readFilter);
            return new ReadOptions(limit, filter);
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw ConnectorException.invalidInput("The split's read options are not valid (" + e.getMessage()
                    + "); send splits as GetSplits returned them");
        }
    }

    /**
     * The split's share of the cap, and the cap itself: the splits of a read that run in one JVM
     * share one budget of their shares, never more than the cap (QueryReadBudgets).
     */
    public static Split.Builder write(ReadRatePlan rate, Split.Builder split)
    {
        if (rate.capped()) {
            split.add(READ_BUDGET, Double.toString(rate.unitsPerSplit()));
            split.add(READ_CAP, Double.toString(rate.unitsPerSplit() * rate.splits()));
        }
        return split;
    }

    /** Empty when the read is not capped; a split from before the cap property carries only its share. */
    public static Optional<ReadShare> readShare(Split split)
    {
        Function<String, Optional<Double>> units = p -> Optional.ofNullable(split.getProperty(p)).map(Double::parseDouble);
        return units.apply(READ_BUDGET).map(share -> new ReadShare(share, units.apply(READ_CAP).orElse(share)));
    }

    /** The Scan segments GetTableLayout put in the partition's properties. */
    public static int totalSegments(Map<String, String> partitionProperties)
    {
        return Integer.parseInt(partitionProperties.get(TOTAL_SEGMENTS));
    }
}
