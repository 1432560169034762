package io.github.athenaddb.ddb.changes;

import io.github.athenaddb.ddb.split.ReadOptions;
import io.github.athenaddb.ddb.split.ShardSplit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeSplitsTest
{
    private static final Instant NOW = Instant.ofEpochMilli(1_780_000_000_000L);
    private static final List<String> SHARDS = List.of("shard-1", "shard-2", "shard-3");

    @Test
    void oneSplitPerShardWithoutALimit()
    {
        ChangeSplits.Planned planned = ChangeSplits.plan("Orders", "arn", SHARDS, NOW, OptionalLong.empty());

        assertThat(planned.splits()).extracting(ShardSplit::shardIds).containsExactly(List.of("shard-1"), List.of("shard-2"), List.of("shard-3"));
        assertThat(planned.options()).isEqualTo(ReadOptions.NONE);
    }

    @Test
    void aLimitReadsEveryShardInOneSplitThatStopsAtTheLimit()
    {
        ChangeSplits.Planned planned = ChangeSplits.plan("Orders", "arn", SHARDS, NOW, OptionalLong.of(5));

        assertThat(planned.splits()).containsExactly(new ShardSplit("Orders", "arn", SHARDS, NOW));
        assertThat(planned.options().limit().rows()).isEqualTo(5);
        assertThat(planned.options().limit().oneSplit()).isTrue();
    }

    @Test
    void aStreamWithoutShardsHasNoSplits()
    {
        assertThat(ChangeSplits.plan("Orders", "arn", List.of(), NOW, OptionalLong.of(5)).splits()).isEmpty();
    }
}
