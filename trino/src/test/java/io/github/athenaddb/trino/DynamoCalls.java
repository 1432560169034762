package io.github.athenaddb.trino;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The DynamoDB requests the connector sent (the access path a query took: GetItem, BatchGetItem,
 * Query on the table or an index, Scan). The SDK loads this interceptor into every client of the
 * test JVM, the connector's own included, through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test classpath;
 * nothing is kept until {@link #start()}.
 */
public final class DynamoCalls
        implements ExecutionInterceptor
{
    /** @param path the operation, with the index a Query or Scan read ("Query GSI1") */
    public record Call(String operation, String path, String keyCondition, String filter, Integer limit)
    {
        @Override
        public String toString()
        {
            return path + (keyCondition == null ? "" : " key " + keyCondition) + (filter == null ? "" : " filter " + filter)
                    + (limit == null ? "" : " limit " + limit);
        }
    }

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    public static void start()
    {
        CALLS.clear();
        recording = true;
    }

    public static List<Call> stop()
    {
        recording = false;
        return List.copyOf(CALLS);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes)
    {
        if (recording && context.request().getClass().getPackageName().endsWith("dynamodb.model")) {
            CALLS.add(describe(context.request()));
        }
    }

    private static Call describe(SdkRequest request)
    {
        String operation = request.getClass().getSimpleName().replaceFirst("Request$", "");
        if (request instanceof QueryRequest q) {
            return new Call(operation, q.indexName() == null ? operation : operation + " " + q.indexName(),
                    q.keyConditionExpression() + " " + q.expressionAttributeValues(), q.filterExpression(), q.limit());
        }
        if (request instanceof ScanRequest s) {
            return new Call(operation, s.indexName() == null ? operation : operation + " " + s.indexName(), null,
                    s.filterExpression() == null ? null : s.filterExpression() + " " + s.expressionAttributeValues(), s.limit());
        }
        return new Call(operation, operation, null, null, null);
    }
}
