package io.github.athenaddb.ddb.changes;

import io.github.athenaddb.ddb.plan.RowLimit;
import io.github.athenaddb.ddb.split.ReadOptions;
import io.github.athenaddb.ddb.split.ShardSplit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The splits of a change table's read, from its stream's shards: one per shard; under a LIMIT,
 * one for all shards, read one after the other until it has written enough rows. The connector
 * declares LIMIT pushdown and Athena does not cut the rows again, so the splits together must
 * return at most the limit.
 */
public final class ChangeSplits
{
    private ChangeSplits() {}

    public record Planned(List<ShardSplit> splits, ReadOptions options) {}

    /** @param readUntil the time the query's read was planned: later records are not its rows */
    public static Planned plan(String table, String streamArn, List<String> shards, Instant readUntil, OptionalLong limit)
    {
        if (shards.isEmpty()) {
            return new Planned(List.of(), ReadOptions.NONE);
        }
        if (limit.isPresent()) {
            RowLimit rows = new RowLimit(limit.getAsLong(), true, true, false, Optional.empty());
            return new Planned(List.of(new ShardSplit(table, streamArn, shards, readUntil)), new ReadOptions(rows, Optional.empty()));
        }
        return new Planned(shards.stream().map(s -> new ShardSplit(table, streamArn, List.of(s), readUntil)).toList(), ReadOptions.NONE);
    }
}
