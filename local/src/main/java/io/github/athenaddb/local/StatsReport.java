package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.QueryResult;
import io.github.athenaddb.local.engine.ScanLimit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A statement's cost, for people (stderr) and for scripts ({@code --stats-json}). The JSON
 * names are a contract: {@code wall_ms}, and per source {@code catalog, schema, table, splits,
 * requests{GetItem, BatchGetItem, Query, Scan}, rcu, items_scanned, rows_returned, limit,
 * order_by, lossy_columns, export_time}; the requests of a change table also name GetRecords (its
 * stream's), those of an export table GetObject (S3's). {@code limit} is the LIMIT sent to the connector, null when none was;
 * {@code order_by} the ORDER BY sent with it ({@code ["sk desc"]}), empty when none was. For a
 * table read more than once, {@code limit} is null unless every read sent one (then the
 * largest), and {@code order_by} is empty unless every read sent the same. {@code lossy_columns}
 * lists the columns read with less precision than stored ({@code "bignum: DOUBLE, rounded ..."}).
 * {@code export_time} is the point in time an export table's export holds, null for other tables.
 */
final class StatsReport
{
    private static final List<String> REQUEST_KINDS = List.of("GetItem", "BatchGetItem", "Query", "Scan");
    /** Named only by the reads that make them: a change table's stream reads, an export table's S3 reads. */
    private static final List<String> SOURCE_KINDS = List.of("GetRecords", "GetObject");
    /** The text also shows PartiQL requests (system.query), which the JSON contract does not name. */
    private static final List<String> TEXT_KINDS = List.of("GetItem", "BatchGetItem", "Query", "Scan", "ExecuteStatement", "GetRecords",
            "GetObject");

    private StatsReport() {}

    static String text(QueryResult result)
    {
        return header(result.rows().size(), result.wallMillis()) + perTableText(result);
    }

    /** {@code -- 3 rows in 120 ms}: the first line of a statement's stats. */
    static String header(long rows, long wallMillis)
    {
        return String.format(Locale.ROOT, "-- %,d row%s in %,d ms%n", rows, rows == 1 ? "" : "s", wallMillis);
    }

    /** The lines after the first: per table read, what it cost and what was pushed. */
    static String perTableText(QueryResult result)
    {
        StringBuilder out = new StringBuilder();
        for (QueryResult.SourceStats s : result.sources()) {
            StringBuilder requests = new StringBuilder();
            for (String kind : TEXT_KINDS) {
                long n = s.requests().getOrDefault(kind, 0L);
                if (n > 0) {
                    requests.append(requests.length() == 0 ? "" : ", ").append(kind).append(' ').append(n);
                }
            }
            if (requests.length() == 0 && s.rcu() == 0 && s.itemsScanned() == 0) {
                // A relational catalog (or a DynamoDB read that needed no request): no DynamoDB cost to show.
                out.append(String.format(Locale.ROOT, "-- %s.%s.%s: %d split%s, %,d row%s returned%n", s.catalog(), s.schema(), s.table(),
                        s.splits(), s.splits() == 1 ? "" : "s", s.rowsReturned(), s.rowsReturned() == 1 ? "" : "s"));
                appendPushed(out, s);
                continue;
            }
            out.append(String.format(Locale.ROOT, "-- %s.%s.%s: %d split%s, requests: %s, %.1f RCU, %,d item%s scanned, %,d row%s returned%n",
                    s.catalog(), s.schema(), s.table(), s.splits(), s.splits() == 1 ? "" : "s",
                    requests.length() == 0 ? "none" : requests, s.rcu(), s.itemsScanned(), s.itemsScanned() == 1 ? "" : "s", s.rowsReturned(),
                    s.rowsReturned() == 1 ? "" : "s"));
            appendPushed(out, s);
        }
        return out.toString();
    }

    private static void appendPushed(StringBuilder out, QueryResult.SourceStats s)
    {
        s.exportTime().ifPresent(t -> out.append("--   export time: ").append(t).append('\n'));
        s.lossyColumns().forEach(c -> out.append("--   lossy: ").append(c).append('\n'));
        List<String> reads = s.pushedPerRead();
        for (int i = 0; i < reads.size(); i++) {
            String label = reads.size() == 1 ? "pushed" : "read " + (i + 1) + " pushed";
            String pushed = s.limitPerRead().get(i).describeWith(reads.get(i));
            out.append("--   ").append(label).append(": ").append(pushed.isEmpty() ? "(nothing)" : pushed).append('\n');
        }
    }

    static String json(QueryResult result)
    {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("wall_ms", result.wallMillis());
        List<Map<String, Object>> sources = new ArrayList<>();
        for (QueryResult.SourceStats s : result.sources()) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("catalog", s.catalog());
            source.put("schema", s.schema());
            source.put("table", s.table());
            source.put("splits", (long) s.splits());
            Map<String, Object> requests = new LinkedHashMap<>();
            REQUEST_KINDS.forEach(k -> requests.put(k, s.requests().getOrDefault(k, 0L)));
            SOURCE_KINDS.stream().filter(s.requests()::containsKey).forEach(k -> requests.put(k, s.requests().get(k)));
            source.put("requests", requests);
            source.put("rcu", new BigDecimal(Double.toString(s.rcu())));
            source.put("items_scanned", s.itemsScanned());
            source.put("rows_returned", s.rowsReturned());
            source.put("limit", limit(s.limitPerRead()));
            source.put("order_by", orderBy(s.limitPerRead()));
            source.put("lossy_columns", s.lossyColumns());
            source.put("export_time", s.exportTime().map(Instant::toString).orElse(null));
            sources.add(source);
        }
        root.put("sources", sources);
        return ValueText.json(root);
    }

    private static Long limit(List<ScanLimit> reads)
    {
        if (reads.isEmpty() || reads.stream().anyMatch(ScanLimit::isNone)) {
            return null;
        }
        return reads.stream().mapToLong(ScanLimit::limit).max().orElseThrow();
    }

    private static List<String> orderBy(List<ScanLimit> reads)
    {
        List<List<String>> orders = reads.stream().map(ScanLimit::orderByText).distinct().toList();
        return orders.size() == 1 ? orders.get(0) : List.of();
    }
}
