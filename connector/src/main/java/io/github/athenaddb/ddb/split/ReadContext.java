package io.github.athenaddb.ddb.split;

import io.github.athenaddb.ddb.exec.ReadRateLimiter;
import io.github.athenaddb.ddb.exec.ReadStats;
import io.github.athenaddb.ddb.exec.RowBudget;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Everything a split needs to read itself besides its own payload: what to project, its read
 * options (filter, LIMIT order), the read rate it may spend, the rows it may still write, and where
 * its pages of items go.
 *
 * @param keepGoing false once Athena no longer needs the query's rows
 */
public record ReadContext(DynamoDbReaders readers, ReadProjection projection, ReadOptions options, ReadRateLimiter limiter,
                          BooleanSupplier keepGoing, RowBudget rows, Consumer<List<Map<String, AttributeValue>>> pages)
{
    public ReadContext
    {
        requireNonNull(readers, "readers is null");
        requireNonNull(projection, "projection is null");
        requireNonNull(options, "options is null");
        requireNonNull(limiter, "limiter is null");
        requireNonNull(keepGoing, "keepGoing is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(pages, "pages is null");
    }

    /** The same read under other options: a part of a split with a filter and limit of its own. */
    public ReadContext withOptions(ReadOptions partOptions)
    {
        return new ReadContext(readers, projection, partOptions, limiter, keepGoing, rows, pages);
    }

    /**
     * Reads the parts of a split (stream shards, export files) one after the other, until the split
     * has written the rows it may or Athena no longer needs them; their stats summed.
     */
    public <T> ReadStats inTurn(List<T> parts, Function<T, ReadStats> read)
    {
        long requests = 0;
        long items = 0;
        double units = 0;
        for (T part : parts) {
            if (rows.exhausted() || (requests > 0 && !keepGoing.getAsBoolean())) {
                break;
            }
            ReadStats stats = read.apply(part);
            requests += stats.requests();
            items += stats.items();
            units += stats.consumedReadUnits();
        }
        return new ReadStats(requests, items, units);
    }
}
