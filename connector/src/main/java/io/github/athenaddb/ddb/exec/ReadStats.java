package io.github.athenaddb.ddb.exec;

import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/** What a read cost: DynamoDB requests (pages), items returned, read capacity units consumed. */
public record ReadStats(long requests, long items, double consumedReadUnits)
{
    public static final ReadStats NONE = new ReadStats(0, 0, 0);

    public ReadStats plus(ReadStats other)
    {
        return new ReadStats(requests + other.requests, items + other.items, consumedReadUnits + other.consumedReadUnits);
    }

    /** The read capacity units of one response (none when DynamoDB reports none). */
    static double units(ConsumedCapacity capacity)
    {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }
}
