package io.github.athenaddb.ddb;

import io.github.athenaddb.ddb.table.TableNames;
import io.github.athenaddb.ddb.table.TableDescription;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.export.TableExports;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * DynamoDB's table list and descriptions. The full list, needed to resolve a lower-cased name,
 * is cached for a minute per Lambda instance: a query's GetTable calls then cost one
 * DescribeTable each instead of a full listing.
 */
public final class TableCatalog
{
    static final Duration LIST_TTL = Duration.ofMinutes(1);
    /** DynamoDB returns at most 100 names per ListTables call. */
    static final int MAX_PAGE = 100;

    private final DynamoDbClient dynamoDb;
    private final Clock clock;
    private List<String> cachedNames;
    private Instant cachedAt = Instant.MIN;

    public TableCatalog(DynamoDbClient dynamoDb, Clock clock)
    {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A page of table names after {@code startAfter}; {@code limit} < 1 means every table. */
    public Page listPage(Optional<String> startAfter, int limit)
    {
        List<String> names = new ArrayList<>();
        String start = startAfter.orElse(null);
        boolean more;
        do {
            int want = limit < 1 ? MAX_PAGE : Math.min(MAX_PAGE, limit - names.size());
            ListTablesResponse page = dynamoDb.listTables(ListTablesRequest.builder()
                    .exclusiveStartTableName(start).limit(want).build());
            names.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
            more = start != null;
        }
        while (more && (limit < 1 || names.size() < limit));
        return new Page(names, more ? Optional.of(start) : Optional.empty());
    }

    public record Page(List<String> names, Optional<String> lastName) {}

    /** The DynamoDB table for a name (see {@link TableNames}); {@code ambiguous} is the error when several match only ignoring case. */
    public synchronized String resolve(String requested, Function<List<String>, ConnectorException> ambiguous)
    {
        Instant now = clock.instant();
        if (cachedNames == null || now.isAfter(cachedAt.plus(LIST_TTL)) || !containsIgnoringCase(requested)) {
            // A table created a moment ago must be found: a miss always refreshes the list.
            cachedNames = listPage(Optional.empty(), 0).names();
            cachedAt = now;
        }
        return TableNames.resolve(requested, cachedNames, ambiguous);
    }

    public TableDescription describe(String table)
    {
        return TableDescription.from(dynamoDb.describeTable(DescribeTableRequest.builder().tableName(table).build()).table());
    }

    /** The table's current stream, when it has one enabled (DescribeTable's LatestStreamArn). */
    public Optional<String> streamArn(String table)
    {
        software.amazon.awssdk.services.dynamodb.model.TableDescription t =
                dynamoDb.describeTable(DescribeTableRequest.builder().tableName(table).build()).table();
        boolean enabled = t.streamSpecification() != null && Boolean.TRUE.equals(t.streamSpecification().streamEnabled());
        return enabled ? Optional.ofNullable(t.latestStreamArn()) : Optional.empty();
    }

    /** The table's ARN, which ListExports takes. */
    public String tableArn(String table)
    {
        return dynamoDb.describeTable(DescribeTableRequest.builder().tableName(table).build()).table().tableArn();
    }

    /** The table's exports to S3 (ListExports, DescribeExport), through the same client. */
    public TableExports exports()
    {
        return new TableExports(dynamoDb);
    }

    private boolean containsIgnoringCase(String requested)
    {
        return cachedNames.stream().anyMatch(n -> n.equalsIgnoreCase(requested));
    }
}
