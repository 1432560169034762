package io.github.athenaddb.testing;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the DynamoDB requests every SDK client of the test JVM sends, the connector's own
 * client included: the SDK loads this class for every client it builds, through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test classpath.
 * Nothing is recorded until {@link #start()}.
 */
public final class RecordingInterceptor
        implements ExecutionInterceptor
{
    /**
     * One request: its operation (QueryRequest -> "Query"), table, index, key condition, number of
     * keys, and for a Query or Scan its FilterExpression, Limit and (Query) ScanIndexForward.
     */
    public record Call(String operation, String table, String indexName, String keyCondition, Map<String, AttributeValue> values, int keys,
                       String filter, Integer limit, Boolean forward)
    {
        Call(String operation, String table, String indexName, String keyCondition, Map<String, AttributeValue> values, int keys)
        {
            this(operation, table, indexName, keyCondition, values, keys, null, null, null);
        }

        @Override
        public String toString()
        {
            return operation + " " + table + (indexName == null ? "" : "/" + indexName)
                    + (keyCondition == null ? "" : " [" + keyCondition + "] " + values) + (keys == 0 ? "" : " keys=" + keys);
        }
    }

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    /** Forgets earlier calls and records from now on. */
    public static void start()
    {
        CALLS.clear();
        recording = true;
    }

    /** Stops recording and returns the calls recorded since {@link #start()}. */
    public static List<Call> stop()
    {
        recording = false;
        return List.copyOf(CALLS);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes)
    {
        if (recording) {
            CALLS.add(describe(context.request()));
        }
    }

    private static Call describe(SdkRequest request)
    {
        String operation = request.getClass().getSimpleName().replaceFirst("Request$", "");
        if (request instanceof QueryRequest q) {
            return new Call(operation, q.tableName(), q.indexName(), q.keyConditionExpression(), q.expressionAttributeValues(), 0,
                    q.filterExpression(), q.limit(), q.scanIndexForward());
        }
        if (request instanceof ScanRequest s) {
            return new Call(operation, s.tableName(), s.indexName(), null, s.expressionAttributeValues(), 0, s.filterExpression(), s.limit(), null);
        }
        if (request instanceof GetItemRequest g) {
            return new Call(operation, g.tableName(), null, null, Map.of(), 1);
        }
        if (request instanceof BatchGetItemRequest b) {
            String table = String.join(",", b.requestItems().keySet());
            int keys = b.requestItems().values().stream().mapToInt(k -> k.keys().size()).sum();
            return new Call(operation, table, null, null, Map.of(), keys);
        }
        return new Call(operation, null, null, null, Map.of(), 0);
    }
}
