package io.github.athenaddb.testing;

import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes DescribeTable report a size for a table, as DynamoDB would for a large one: dynalite and
 * moto_server report TableSizeBytes 0 for every table, so without this no local test could reach
 * the scan guard. Loaded for every SDK client of the test JVM, the connector's included, like
 * {@link RecordingInterceptor}; tables not named here keep the size the endpoint reports.
 */
public final class TableSizeInterceptor
        implements ExecutionInterceptor
{
    private static final Map<String, Long> SIZES = new ConcurrentHashMap<>();

    /** From now on, DescribeTable of {@code table} reports {@code bytes}. */
    public static void report(String table, long bytes)
    {
        SIZES.put(table, bytes);
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes executionAttributes)
    {
        if (context.response() instanceof DescribeTableResponse described && described.table() != null) {
            Long size = SIZES.get(described.table().tableName());
            if (size != null) {
                return described.toBuilder().table(described.table().toBuilder().tableSizeBytes(size).build()).build();
            }
        }
        return context.response();
    }
}
