package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.exec.ReadStats;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Shards of a table's DynamoDB stream, for its change table ({@code <table>$changes}), read one
 * after the other: every record each shard still holds (24 hours), up to {@code readUntil}, the
 * time GetSplits planned the read, so that the read of an open shard ends. One shard a split,
 * unless a LIMIT needs them all in one split (see {@code changes.ChangeSplits}).
 */
public record ShardSplit(String table, String streamArn, List<String> shardIds, Instant readUntil)
        implements ReadSplit
{
    public ShardSplit
    {
        requireNonNull(table, "table is null");
        requireNonNull(streamArn, "streamArn is null");
        shardIds = List.copyOf(shardIds);
        if (shardIds.isEmpty()) {
            throw new IllegalArgumentException("a shard split needs a shard");
        }
        requireNonNull(readUntil, "readUntil is null");
    }

    @Override
    public ReadStats read(ReadContext context)
    {
        return context.inTurn(shardIds, shard -> context.readers().shard().read(streamArn, shard, readUntil, context.keepGoing(), context.rows(),
                context.pages()));
    }

    @Override
    public String describe()
    {
        return shardIds.size() + " stream shard(s) from " + shardIds.get(0) + " up to " + readUntil;
    }
}
