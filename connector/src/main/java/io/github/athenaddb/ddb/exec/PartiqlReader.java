package io.github.athenaddb.ddb.exec;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/** Runs a PartiQL SELECT through ExecuteStatement, following NextToken to the last page. */
public final class PartiqlReader
{
    private final DynamoDbClient dynamoDb;

    public PartiqlReader(DynamoDbClient dynamoDb)
    {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb is null");
    }

    /** @param maxItems stop after this many items (0: all) — used for sampling a schema */
    public ReadStats execute(String statement, int maxItems, ReadRateLimiter limiter, BooleanSupplier keepGoing,
                             Consumer<List<Map<String, AttributeValue>>> pageConsumer)
    {
        long requests = 0;
        long items = 0;
        double units = 0;
        String token = null;
        do {
            ExecuteStatementResponse page = dynamoDb.executeStatement(ExecuteStatementRequest.builder()
                    .statement(statement).nextToken(token).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            requests++;
            List<Map<String, AttributeValue>> got = page.items();
            if (maxItems > 0 && items + got.size() > maxItems) {
                got = got.subList(0, (int) (maxItems - items));
            }
            items += got.size();
            double pageUnits = ReadStats.units(page.consumedCapacity());
            units += pageUnits;
            limiter.consumed(pageUnits);
            pageConsumer.accept(got);
            token = page.nextToken();
        }
        while (token != null && (maxItems <= 0 || items < maxItems) && keepGoing.getAsBoolean());
        return new ReadStats(requests, items, units);
    }
}
