package io.github.athenaddb.ddb.exec;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Reads one shard of a DynamoDB stream from its oldest retained record (TRIM_HORIZON), each
 * record as a change row ({@link ChangeRow}). A closed shard ends when GetRecords returns no next
 * iterator; an open one never does, so its read ends at the first record written after
 * {@code readUntil} (the time the query started) or at the first empty page (nothing newer yet).
 * GetRecords consumes no read capacity.
 */
public final class ShardReader
{
    /** GetRecords returns at most 1,000 records or 1 MB a call. */
    static final int MAX_RECORDS = 1000;

    private final Supplier<DynamoDbStreamsClient> streams;
    private final int pageSize;

    /** @param streams built on first use: most reads never touch a stream */
    public ShardReader(Supplier<DynamoDbStreamsClient> streams)
    {
        this(streams, MAX_RECORDS);
    }

    /** @param pageSize GetRecords' Limit: tests read a few records over several pages */
    ShardReader(Supplier<DynamoDbStreamsClient> streams, int pageSize)
    {
        this.streams = requireNonNull(streams, "streams is null");
        this.pageSize = pageSize;
    }

    public ReadStats read(String streamArn, String shardId, Instant readUntil, BooleanSupplier keepGoing, RowBudget budget,
                          Consumer<List<Map<String, AttributeValue>>> pageConsumer)
    {
        DynamoDbStreamsClient client = streams.get();
        String iterator = client.getShardIterator(GetShardIteratorRequest.builder()
                .streamArn(streamArn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON).build()).shardIterator();
        long requests = 1;
        long items = 0;
        boolean first = true;
        while (iterator != null && !budget.exhausted() && (first || keepGoing.getAsBoolean())) {
            first = false;
            GetRecordsResponse page = client.getRecords(GetRecordsRequest.builder().shardIterator(iterator).limit(pageSize).build());
            requests++;
            List<Map<String, AttributeValue>> rows = new ArrayList<>(page.records().size());
            boolean past = false;
            for (Record record : page.records()) {
                Instant written = record.dynamodb().approximateCreationDateTime();
                if (written != null && written.isAfter(readUntil)) {
                    past = true;
                    break;
                }
                rows.add(ChangeRow.of(record, shardId));
            }
            items += rows.size();
            pageConsumer.accept(rows);
            iterator = past || page.records().isEmpty() ? null : page.nextShardIterator();
        }
        return new ReadStats(requests, items, 0);
    }
}
