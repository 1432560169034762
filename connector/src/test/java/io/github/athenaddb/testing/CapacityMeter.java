package io.github.athenaddb.testing;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The read capacity DynamoDB reports for the Scans and Queries of a table, response by response
 * with the time each arrived, as the table's owner would see it consumed. Loaded for every SDK
 * client of the test JVM, like {@link RecordingInterceptor}; counts only tables being
 * {@link #watch}ed.
 */
public final class CapacityMeter
        implements ExecutionInterceptor
{
    /** One response: when it arrived ({@link System#nanoTime()}) and the units it consumed. */
    public record Response(long nanos, double units) {}

    private static final Map<String, List<Response>> RESPONSES = new ConcurrentHashMap<>();

    /** Records this table's responses from now on, forgetting earlier ones. */
    public static void watch(String table)
    {
        RESPONSES.put(table, new CopyOnWriteArrayList<>());
    }

    /** The responses since {@link #watch}, in the order they arrived. */
    public static List<Response> responses(String table)
    {
        return List.copyOf(RESPONSES.getOrDefault(table, List.of()));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes)
    {
        ConsumedCapacity capacity = null;
        if (context.response() instanceof ScanResponse scan) {
            capacity = scan.consumedCapacity();
        }
        else if (context.response() instanceof QueryResponse query) {
            capacity = query.consumedCapacity();
        }
        if (capacity != null && capacity.capacityUnits() != null) {
            List<Response> responses = RESPONSES.get(capacity.tableName());
            if (responses != null) {
                responses.add(new Response(System.nanoTime(), capacity.capacityUnits()));
            }
        }
    }
}
