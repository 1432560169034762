package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.exec.ReadStats;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One shard of a table's DynamoDB stream, for its change table ({@code <table>$changes}): every
 * record the shard still holds (24 hours), up to {@code readUntil}, the time GetSplits planned the
 * read, so that the read of an open shard ends.
 */
public record ShardSplit(String table, String streamArn, String shardId, Instant readUntil)
        implements ReadSplit
{
    public ShardSplit
    {
        requireNonNull(table, "table is null");
        requireNonNull(streamArn, "streamArn is null");
        requireNonNull(shardId, "shardId is null");
        requireNonNull(readUntil, "readUntil is null");
    }

    @Override
    public ReadStats read(ReadContext context)
    {
        return context.readers().shard().read(streamArn, shardId, readUntil, context.keepGoing(), context.rows(), context.pages());
    }

    @Override
    public String describe()
    {
        return "stream shard " + shardId + " up to " + readUntil;
    }
}
