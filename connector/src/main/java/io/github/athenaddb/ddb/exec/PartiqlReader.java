package io.github.athenaddb.ddb.exec;

import io.github.athenaddb.ConnectorException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/** Runs a PartiQL SELECT through ExecuteStatement, following NextToken to the last page. */
public final class PartiqlReader
{
    private static final String UNKNOWN_OPERATION = "UnknownOperationException";
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
            ExecuteStatementResponse page = page(statement, token);
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

    private ExecuteStatementResponse page(String statement, String token)
    {
        try {
            return dynamoDb.executeStatement(ExecuteStatementRequest.builder()
                    .statement(statement).nextToken(token).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
        }
        catch (DynamoDbException e) {
            // An emulator without PartiQL answers with no message of its own, only this code.
            if (e.awsErrorDetails() != null && UNKNOWN_OPERATION.equals(e.awsErrorDetails().errorCode())) {
                throw ConnectorException.withCode(FederationSourceErrorCode.OPERATION_NOT_SUPPORTED_EXCEPTION, "DynamoDB endpoint " + endpoint()
                        + " does not support ExecuteStatement (PartiQL), which system.query needs: use DynamoDB itself or an emulator "
                        + "with PartiQL (moto_server has it, dynalite not)");
            }
            throw e;
        }
    }

    private String endpoint()
    {
        DynamoDbServiceClientConfiguration client = dynamoDb.serviceClientConfiguration();
        return client.endpointOverride().map(URI::toString).orElseGet(() -> "of region " + client.region());
    }
}
