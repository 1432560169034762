package io.github.athenaddb.ddb.exec;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** NextToken paging: the official connector stops after the first 1 MB page; this reader must not. */
class PartiqlReaderTest
{
    @Test
    void followsNextTokenToTheLastPage()
    {
        DynamoDbClient client = mock(DynamoDbClient.class);
        List<ExecuteStatementRequest> requests = new ArrayList<>();
        when(client.executeStatement(any(ExecuteStatementRequest.class))).thenAnswer(inv -> {
            requests.add(inv.getArgument(0));
            return switch (requests.size()) {
                case 1 -> page("t1", "a", "b");
                case 2 -> page("t2", "c");
                default -> page(null, "d");
            };
        });
        List<String> seen = new ArrayList<>();

        ReadStats stats = new PartiqlReader(client).execute("SELECT * FROM \"T\"", 0, ReadRateLimiter.UNLIMITED, () -> true,
                items -> items.forEach(i -> seen.add(i.get("id").s())));

        assertThat(seen).containsExactly("a", "b", "c", "d");
        assertThat(requests).extracting(ExecuteStatementRequest::nextToken).containsExactly(null, "t1", "t2");
        assertThat(stats.requests()).isEqualTo(3);
    }

    @Test
    void stopsAtMaxItemsWhenSampling()
    {
        DynamoDbClient client = mock(DynamoDbClient.class);
        when(client.executeStatement(any(ExecuteStatementRequest.class))).thenReturn(page("t1", "a", "b"), page(null, "c"));
        List<Map<String, AttributeValue>> seen = new ArrayList<>();

        new PartiqlReader(client).execute("SELECT * FROM \"T\"", 1, ReadRateLimiter.UNLIMITED, () -> true, seen::addAll);

        assertThat(seen).hasSize(1);
    }

    private static ExecuteStatementResponse page(String nextToken, String... ids)
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (String id : ids) {
            items.add(Map.of("id", AttributeValue.fromS(id)));
        }
        return ExecuteStatementResponse.builder().items(items).nextToken(nextToken).build();
    }
}
