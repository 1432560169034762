package io.github.athenaddb.ddb.exec;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ScanReaderTest
{
    private static final AttributeProjection PROJECTION = AttributeProjection.of(List.of("id"));

    @Test
    void followsLastEvaluatedKeyToTheEndAndDeliversPagesInOrder()
    {
        DynamoDbClient client = mock(DynamoDbClient.class);
        when(client.scan(any(ScanRequest.class))).thenReturn(page("a", "k1"), page("b", "k2"), page("c", null));
        List<String> seen = new ArrayList<>();

        ReadStats stats = new ScanReader(client).scan("T", 1, 4, PROJECTION, Optional.empty(), ReadRateLimiter.UNLIMITED, () -> true, RowBudget.unlimited(),
                items -> items.forEach(i -> seen.add(i.get("id").s())));

        assertThat(seen).containsExactly("a", "b", "c");
        assertThat(stats).isEqualTo(new ReadStats(3, 3, 1.5));
        verify(client, times(3)).scan(any(ScanRequest.class));
    }

    @Test
    void sendsSegmentProjectionPlaceholdersAndStartKey()
    {
        DynamoDbClient client = mock(DynamoDbClient.class);
        List<ScanRequest> requests = new ArrayList<>();
        when(client.scan(any(ScanRequest.class))).thenAnswer(inv -> {
            requests.add(inv.getArgument(0));
            return requests.size() == 1 ? page("a", "k1") : page("b", null);
        });

        new ScanReader(client).scan("T", 2, 4, PROJECTION, Optional.empty(), ReadRateLimiter.UNLIMITED, () -> true, RowBudget.unlimited(), items -> {});

        assertThat(requests.get(0).segment()).isEqualTo(2);
        assertThat(requests.get(0).totalSegments()).isEqualTo(4);
        assertThat(requests.get(0).projectionExpression()).isEqualTo("#p0");
        assertThat(requests.get(0).expressionAttributeNames()).isEqualTo(Map.of("#p0", "id"));
        assertThat(requests.get(0).hasExclusiveStartKey()).isFalse();
        assertThat(requests.get(1).exclusiveStartKey()).isEqualTo(Map.of("id", AttributeValue.fromS("k1")));
    }

    @Test
    void stopsWhenTheQueryIsNoLongerRunning()
    {
        DynamoDbClient client = mock(DynamoDbClient.class);
        when(client.scan(any(ScanRequest.class))).thenReturn(page("a", "k1"), page("b", "k2"));

        ReadStats stats = new ScanReader(client).scan("T", 0, 1, PROJECTION, Optional.empty(), ReadRateLimiter.UNLIMITED, () -> false, RowBudget.unlimited(), items -> {});

        assertThat(stats.requests()).isEqualTo(1);
        verify(client, times(1)).scan(any(ScanRequest.class));
    }

    @Test
    void throttlingOnAPrefetchedPageSurfacesAsTheDynamoDbException()
    {
        DynamoDbClient client = mock(DynamoDbClient.class);
        when(client.scan(any(ScanRequest.class)))
                .thenReturn(page("a", "k1"))
                .thenThrow(ProvisionedThroughputExceededException.builder().message("slow down").build());

        assertThatThrownBy(() -> new ScanReader(client).scan("T", 0, 1, PROJECTION, Optional.empty(), ReadRateLimiter.UNLIMITED, () -> true, RowBudget.unlimited(), items -> {}))
                .isInstanceOf(ProvisionedThroughputExceededException.class)
                .hasMessageContaining("slow down");
    }

    private static ScanResponse page(String id, String lastKey)
    {
        ScanResponse.Builder b = ScanResponse.builder()
                .items(List.of(Map.of("id", AttributeValue.fromS(id))))
                .consumedCapacity(ConsumedCapacity.builder().capacityUnits(0.5).build());
        if (lastKey != null) {
            b.lastEvaluatedKey(Map.of("id", AttributeValue.fromS(lastKey)));
        }
        return b.build();
    }
}
