package io.github.athenaddb.ddb.exec;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows LastEvaluatedKey from page to page for a Scan or a Query. The next page is requested
 * while the caller converts the current one, so DynamoDB's latency and the conversion overlap
 * instead of adding up.
 */
final class PagedReader
{
    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ddb-prefetch");
        t.setDaemon(true);
        return t;
    });

    private PagedReader() {}

    /** One page of a Scan or Query response. */
    record Page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastEvaluatedKey, double capacityUnits) {}

    /**
     * @param fetch the page starting after the given key (null for the first page)
     * @param budget under a LIMIT, pages are not prefetched: the next page is requested only if the
     *         rows so far are not enough, and only for as many items as are still needed
     */
    static ReadStats read(Function<Map<String, AttributeValue>, Page> fetch, ReadRateLimiter limiter, BooleanSupplier keepGoing,
                          RowBudget budget, Consumer<List<Map<String, AttributeValue>>> pageConsumer)
    {
        long pages = 0;
        long items = 0;
        double units = 0;
        if (budget.exhausted()) {
            return new ReadStats(0, 0, 0);
        }
        Page page = fetch.apply(null);
        while (true) {
            pages++;
            items += page.items().size();
            units += page.capacityUnits();
            limiter.consumed(page.capacityUnits());
            Map<String, AttributeValue> next = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
            if (budget.limited()) {
                pageConsumer.accept(page.items());
                if (next == null || budget.exhausted() || !keepGoing.getAsBoolean()) {
                    return new ReadStats(pages, items, units);
                }
                page = fetch.apply(next);
                continue;
            }
            CompletableFuture<Page> prefetch = next == null || !keepGoing.getAsBoolean() ? null
                    : CompletableFuture.supplyAsync(() -> fetch.apply(next), PREFETCH);
            pageConsumer.accept(page.items());
            if (prefetch == null) {
                return new ReadStats(pages, items, units);
            }
            page = join(prefetch);
        }
    }

    /** Rethrows the page request's own exception (throttling, not found...) for the error translator. */
    private static Page join(CompletableFuture<Page> future)
    {
        try {
            return future.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
