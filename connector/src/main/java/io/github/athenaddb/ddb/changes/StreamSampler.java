package io.github.athenaddb.ddb.changes;

import io.github.athenaddb.ddb.exec.ChangeRow;
import io.github.athenaddb.ddb.exec.RowBudget;
import io.github.athenaddb.ddb.exec.ShardReader;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The items a change table's images are typed from: the images of the stream's own records
 * (GetRecords, no read capacity), from its newest shards, up to the sample size. Empty when the
 * stream holds no images (no change in its 24 hours, or a view without images).
 */
public final class StreamSampler
{
    /** Shards read at most: the newest, where the changes a query is after are. */
    static final int MAX_SHARDS = 8;

    private final StreamShards shards;
    private final ShardReader reader;
    private final int sampleSize;
    private final Clock clock;

    public StreamSampler(StreamShards shards, ShardReader reader, int sampleSize, Clock clock)
    {
        this.shards = requireNonNull(shards, "shards is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.sampleSize = sampleSize;
        this.clock = requireNonNull(clock, "clock is null");
    }

    public List<Map<String, AttributeValue>> images(String streamArn)
    {
        List<String> ids = shards.shardIds(streamArn);
        List<Map<String, AttributeValue>> images = new ArrayList<>();
        for (int i = ids.size() - 1; i >= Math.max(0, ids.size() - MAX_SHARDS) && images.size() < sampleSize; i--) {
            reader.read(streamArn, ids.get(i), clock.instant(), () -> images.size() < sampleSize, RowBudget.unlimited(), rows -> {
                for (Map<String, AttributeValue> row : rows) {
                    for (String image : List.of(ChangeRow.NEW_IMAGE, ChangeRow.OLD_IMAGE)) {
                        AttributeValue value = row.get(image);
                        if (value != null && value.hasM() && images.size() < sampleSize) {
                            images.add(value.m());
                        }
                    }
                }
            });
        }
        return images;
    }
}
