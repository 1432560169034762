package io.github.athenaddb.local.engine;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the DynamoDB requests made in this JVM, per table: kind, read capacity consumed and
 * items scanned; a stream's GetRecords calls count for its table (records as items scanned), and
 * S3 GetObject calls by object, for an export read. It is registered with the AWS SDK as a global interceptor (a classpath
 * resource), so it sees the connector's requests without the engine touching connector code,
 * the way CloudWatch would see them for a Lambda.
 */
public final class DynamoDbRequestMeter
        implements ExecutionInterceptor
{
    private static final Map<String, TableUsage> USAGE = new ConcurrentHashMap<>();
    /**
     * The table of each shard iterator not used yet: GetRecords names only its iterator, which
     * GetShardIterator (from the stream's ARN) or the previous GetRecords handed out.
     */
    private static final Map<String, String> ITERATOR_TABLES = new ConcurrentHashMap<>();
    /** S3 GetObject calls by {@code bucket/key}. */
    private static final Map<String, LongAdder> OBJECTS_READ = new ConcurrentHashMap<>();
    private static final Pattern STREAM_ARN = Pattern.compile(":table/([^/]+)/stream/");
    /** Where ExecuteStatement requests (system.query) are counted. */
    public static final String PASSTHROUGH = "system.query";

    /** Per-table counters; all adders are thread-safe. */
    public static final class TableUsage
    {
        final Map<String, Long> requests = new ConcurrentHashMap<>();
        private final DoubleAdder rcu = new DoubleAdder();
        private final LongAdder itemsScanned = new LongAdder();

        public Map<String, Long> requests()
        {
            return Map.copyOf(requests);
        }

        public double rcu()
        {
            return rcu.sum();
        }

        public long itemsScanned()
        {
            return itemsScanned.sum();
        }
    }

    public static void reset()
    {
        USAGE.clear();
        ITERATOR_TABLES.clear();
        OBJECTS_READ.clear();
    }

    /** S3 GetObject calls for objects of {@code bucket} whose key starts with {@code keyPrefix}. */
    public static long objectsRead(String bucket, String keyPrefix)
    {
        String prefix = bucket + "/" + keyPrefix;
        return OBJECTS_READ.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Items scanned so far across all tables, for a progress line while a statement runs. */
    public static long itemsScannedSoFar()
    {
        return USAGE.values().stream().mapToLong(TableUsage::itemsScanned).sum();
    }

    /** Usage of a DynamoDB table, looked up ignoring case (Athena names are lower-cased). */
    public static TableUsage usage(String table)
    {
        return USAGE.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(table)).map(Map.Entry::getValue)
                .findFirst().orElseGet(TableUsage::new);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes)
    {
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        if (request instanceof ScanRequest scan && response instanceof ScanResponse r) {
            record(scan.tableName(), "Scan", r.consumedCapacity(), r.scannedCount());
        }
        else if (request instanceof QueryRequest query && response instanceof QueryResponse r) {
            record(query.tableName(), "Query", r.consumedCapacity(), r.scannedCount());
        }
        else if (request instanceof GetItemRequest get && response instanceof GetItemResponse r) {
            record(get.tableName(), "GetItem", r.consumedCapacity(), r.hasItem() ? 1 : 0);
        }
        else if (request instanceof ExecuteStatementRequest && response instanceof ExecuteStatementResponse r) {
            // A passthrough statement names its table only inside the PartiQL text; it is counted per statement.
            record(PASSTHROUGH, "ExecuteStatement", r.consumedCapacity(), r.hasItems() ? r.items().size() : 0);
        }
        else if (request instanceof GetShardIteratorRequest shard && response instanceof GetShardIteratorResponse r) {
            streamTable(shard.streamArn()).ifPresent(table -> remember(r.shardIterator(), table));
        }
        else if (request instanceof GetRecordsRequest get && response instanceof GetRecordsResponse r) {
            String table = ITERATOR_TABLES.remove(get.shardIterator());
            if (table != null) {
                remember(r.nextShardIterator(), table);
            }
            record(table, "GetRecords", null, r.hasRecords() ? r.records().size() : 0);
        }
        else if (request instanceof GetObjectRequest get) {
            OBJECTS_READ.computeIfAbsent(get.bucket() + "/" + get.key(), k -> new LongAdder()).increment();
        }
        else if (response instanceof BatchGetItemResponse r) {
            List<ConsumedCapacity> capacities = r.consumedCapacity();
            r.responses().forEach((table, items) -> {
                ConsumedCapacity c = capacities.stream().filter(x -> table.equals(x.tableName())).findFirst().orElse(null);
                record(table, "BatchGetItem", c, items.size());
            });
        }
    }

    private static void remember(String iterator, String table)
    {
        if (iterator != null) {
            ITERATOR_TABLES.put(iterator, table);
        }
    }

    /** The table of a stream ARN: {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL}. */
    static Optional<String> streamTable(String streamArn)
    {
        Matcher m = STREAM_ARN.matcher(streamArn == null ? "" : streamArn);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static void record(String table, String kind, ConsumedCapacity capacity, Integer scanned)
    {
        if (table == null) {
            return;
        }
        TableUsage usage = USAGE.computeIfAbsent(table.toLowerCase(Locale.ROOT), t -> new TableUsage());
        usage.requests.merge(kind, 1L, Long::sum);
        if (capacity != null && capacity.capacityUnits() != null) {
            usage.rcu.add(capacity.capacityUnits());
        }
        if (scanned != null) {
            usage.itemsScanned.add(scanned);
        }
    }
}
