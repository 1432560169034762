package io.github.athenaddb.ddb.exec;

/** What a read cost: DynamoDB requests (pages), items returned, read capacity units consumed. */
public record ReadStats(long requests, long items, double consumedReadUnits) {}
