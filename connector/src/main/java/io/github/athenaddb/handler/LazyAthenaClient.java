package io.github.athenaddb.handler;

import com.google.common.base.Suppliers;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.AthenaServiceClientConfiguration;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;

import java.util.function.Supplier;

/**
 * The Athena client of the federation SDK's {@code QueryStatusChecker}, built on its first call:
 * a read asks whether its query still runs only after it has run for a while, and most reads end
 * before that. Only GetQueryExecution is passed on.
 */
final class LazyAthenaClient
        implements AthenaClient
{
    private final Supplier<AthenaClient> client;

    LazyAthenaClient(Supplier<AthenaClient> client)
    {
        this.client = Suppliers.memoize(client::get);
    }

    @Override
    public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request)
    {
        return client.get().getQueryExecution(request);
    }

    @Override
    public AthenaServiceClientConfiguration serviceClientConfiguration()
    {
        return client.get().serviceClientConfiguration();
    }

    @Override
    public String serviceName()
    {
        return SERVICE_NAME;
    }

    @Override
    public void close()
    {
        // Shared by every read of the handler, which lives as long as the function.
    }
}
