package io.github.athenaddb.local;

import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import io.github.athenaddb.local.engine.QueryResult;
import io.github.athenaddb.local.engine.QueryResult.SourceStats;
import io.github.athenaddb.local.engine.ScanLimit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StatsReportTest
{
    private Locale originalLocale;

    @BeforeEach
    void pinTheFormattingLocale()
    {
        // The text report is formatted in the user's locale; pin it so the expected separators hold.
        originalLocale = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
    }

    @AfterEach
    void restoreTheFormattingLocale()
    {
        Locale.setDefault(Locale.Category.FORMAT, originalLocale);
    }

    @Test
    void jsonFollowsTheStatsContractExactly()
    {
        SourceStats source = new SourceStats("ddb", "default", "ecommerce", 1, Map.of("Scan", 6L), 200.5, 11_591, 10_591,
                List.of("type = 'Order'"));
        assertThat(StatsReport.json(result(1234, 3, source))).isEqualTo(
                "{\"wall_ms\":1234,\"sources\":[{\"catalog\":\"ddb\",\"schema\":\"default\",\"table\":\"ecommerce\",\"splits\":1,"
                        + "\"requests\":{\"GetItem\":0,\"BatchGetItem\":0,\"Query\":0,\"Scan\":6},"
                        + "\"rcu\":200.5,\"items_scanned\":11591,\"rows_returned\":10591,\"limit\":null,\"order_by\":[],\"lossy_columns\":[],"
                        + "\"export_time\":null}]}");
    }

    @Test
    void jsonListsAllFourRequestKindsInContractOrderWhateverTheMapHolds()
    {
        Map<String, Long> requests = new LinkedHashMap<>();
        requests.put("Scan", 1L);
        requests.put("PutItem", 9L);
        requests.put("Query", 2L);
        requests.put("BatchGetItem", 3L);
        requests.put("GetItem", 4L);
        SourceStats source = new SourceStats("ddb", "default", "t", 2, requests, 0.5, 10, 10, List.of());
        assertThat(StatsReport.json(result(5, 10, source)))
                .contains("\"requests\":{\"GetItem\":4,\"BatchGetItem\":3,\"Query\":2,\"Scan\":1}")
                .doesNotContain("PutItem");
    }

    @Test
    void jsonNamesAChangeTablesGetRecordsAndAnExportTablesGetObjectAndItsTime()
    {
        SourceStats changes = new SourceStats("ddb", "default", "orders$changes", 1, Map.of("Scan", 4L, "GetRecords", 2L), 2.0, 9, 5,
                List.of(""));
        SourceStats export = new SourceStats("ddb", "default", "orders$export", 2, Map.of("GetObject", 4L), 0.0, 0, 3, List.of(""),
                List.of(ScanLimit.NONE), List.of(), Optional.of(Instant.parse("2026-12-01T10:00:00Z")));

        String json = StatsReport.json(result(5, 8, changes, export));

        assertThat(json).contains("\"table\":\"orders$changes\",\"splits\":1,\"requests\":{\"GetItem\":0,\"BatchGetItem\":0,\"Query\":0,"
                + "\"Scan\":4,\"GetRecords\":2},")
                .contains("\"requests\":{\"GetItem\":0,\"BatchGetItem\":0,\"Query\":0,\"Scan\":0,\"GetObject\":4},\"rcu\":0.0,")
                .contains("\"export_time\":\"2026-12-01T10:00:00Z\"}]}");
        assertThat(StatsReport.text(result(5, 8, changes, export))).contains(
                "-- ddb.default.orders$changes: 1 split, requests: Scan 4, GetRecords 2, 2.0 RCU, 9 items scanned, 5 rows returned\n",
                "-- ddb.default.orders$export: 2 splits, requests: GetObject 4, 0.0 RCU, 0 items scanned, 3 rows returned\n"
                        + "--   export time: 2026-12-01T10:00:00Z\n");
    }

    @Test
    void jsonWritesZeroForEveryKindWhenNothingWasRequested()
    {
        SourceStats source = new SourceStats("ddb", "default", "t", 0, Map.of(), 0.0, 0, 0, List.of());
        assertThat(StatsReport.json(result(0, 0, source))).isEqualTo(
                "{\"wall_ms\":0,\"sources\":[{\"catalog\":\"ddb\",\"schema\":\"default\",\"table\":\"t\",\"splits\":0,"
                        + "\"requests\":{\"GetItem\":0,\"BatchGetItem\":0,\"Query\":0,\"Scan\":0},"
                        + "\"rcu\":0.0,\"items_scanned\":0,\"rows_returned\":0,\"limit\":null,\"order_by\":[],\"lossy_columns\":[],"
                        + "\"export_time\":null}]}");
    }

    @Test
    void jsonWritesRcuAsAPlainNumber()
    {
        SourceStats small = new SourceStats("ddb", "default", "a", 1, Map.of("GetItem", 1L), 0.0001, 1, 1, List.of());
        SourceStats large = new SourceStats("ddb", "default", "b", 1, Map.of("Scan", 1L), 12_500_000.0, 1, 1, List.of());
        assertThat(StatsReport.json(result(1, 2, small, large)))
                .contains("\"table\":\"a\"", "\"rcu\":0.00010,", "\"table\":\"b\"", "\"rcu\":12500000,")
                .doesNotContain("E-", "E+", "E7");
    }

    @Test
    void jsonOfAStatementReadingNoTableHasNoSources()
    {
        assertThat(StatsReport.json(result(7, 1))).isEqualTo("{\"wall_ms\":7,\"sources\":[]}");
    }

    @Test
    void textSummarisesRowsTimeAndEachSource()
    {
        SourceStats source = new SourceStats("ddb", "default", "ecommerce", 1, Map.of("Scan", 6L), 200.5, 11_591, 10_591,
                List.of("type = 'Order'"));
        assertThat(StatsReport.text(result(1234, 10_591, source)).split("\\R")).containsExactly(
                "-- 10,591 rows in 1,234 ms",
                "-- ddb.default.ecommerce: 1 split, requests: Scan 6, 200.5 RCU, 11,591 items scanned, 10,591 rows returned",
                "--   pushed: type = 'Order'");
    }

    @Test
    void textUsesSingularsAndListsOnlyTheRequestKindsMade()
    {
        Map<String, Long> requests = new LinkedHashMap<>();
        requests.put("Scan", 1L);
        requests.put("GetItem", 0L);
        requests.put("Query", 2L);
        SourceStats source = new SourceStats("ddb", "default", "t", 2, requests, 1.0, 1, 1, List.of(""));
        assertThat(StatsReport.text(result(3, 1, source)).split("\\R")).containsExactly(
                "-- 1 row in 3 ms",
                "-- ddb.default.t: 2 splits, requests: Query 2, Scan 1, 1.0 RCU, 1 item scanned, 1 row returned",
                "--   pushed: (nothing)");
    }

    @Test
    void jsonShowsTheLimitAndOrderSentToTheConnector()
    {
        ScanLimit limit = new ScanLimit(10, List.of(new OrderByField("sk", OrderByField.Direction.DESC_NULLS_LAST),
                new OrderByField("pk", OrderByField.Direction.ASC_NULLS_FIRST)));
        SourceStats source = new SourceStats("ddb", "default", "t", 1, Map.of("Query", 1L), 0.5, 10, 10, List.of("pk = 'A'"),
                List.of(limit));
        assertThat(StatsReport.json(result(1, 10, source)))
                .endsWith("\"rows_returned\":10,\"limit\":10,\"order_by\":[\"sk desc\",\"pk nulls first\"],\"lossy_columns\":[],"
                        + "\"export_time\":null}]}");
    }

    @Test
    void jsonOfATableReadTwiceHasALimitOnlyWhenBothReadsSentOne()
    {
        ScanLimit five = new ScanLimit(5, List.of());
        ScanLimit threeBySk = new ScanLimit(3, List.of(new OrderByField("sk", OrderByField.Direction.ASC_NULLS_LAST)));
        SourceStats both = new SourceStats("ddb", "default", "t", 2, Map.of(), 0.0, 0, 0, List.of("", ""), List.of(five, threeBySk));
        SourceStats one = new SourceStats("ddb", "default", "t", 2, Map.of(), 0.0, 0, 0, List.of("", ""), List.of(threeBySk, ScanLimit.NONE));
        assertThat(StatsReport.json(result(0, 0, both))).contains("\"limit\":5,\"order_by\":[]");
        assertThat(StatsReport.json(result(0, 0, one))).contains("\"limit\":null,\"order_by\":[]");
    }

    @Test
    void textShowsTheLimitAndOrderWithThePushedConstraints()
    {
        ScanLimit limit = new ScanLimit(2, List.of(new OrderByField("amount", OrderByField.Direction.DESC_NULLS_LAST)));
        SourceStats source = new SourceStats("ddb", "default", "t", 2, Map.of("Scan", 2L), 1.0, 12, 12,
                List.of("type = 'Order'", ""), List.of(limit, new ScanLimit(3, List.of())));
        assertThat(StatsReport.text(result(3, 2, source)).split("\\R")).containsExactly(
                "-- 2 rows in 3 ms",
                "-- ddb.default.t: 2 splits, requests: Scan 2, 1.0 RCU, 12 items scanned, 12 rows returned",
                "--   read 1 pushed: type = 'Order'; order by amount desc; limit 2",
                "--   read 2 pushed: limit 3");
    }

    @Test
    void textLeavesOutDynamoDbCostsWithoutRequestsAndNumbersSeveralReads()
    {
        // A relational catalog's read (or a DynamoDB read that sent no request) has no DynamoDB cost to show.
        SourceStats source = new SourceStats("rds", "public", "t", 2, Map.of(), 0.0, 0, 0,
                List.of("pk = 'A'", ""));
        assertThat(StatsReport.text(result(0, 0, source)).split("\\R")).containsExactly(
                "-- 0 rows in 0 ms",
                "-- rds.public.t: 2 splits, 0 rows returned",
                "--   read 1 pushed: pk = 'A'",
                "--   read 2 pushed: (nothing)");
    }

    private static QueryResult result(long wallMillis, int rowCount, SourceStats... sources)
    {
        List<List<Object>> rows = Collections.nCopies(rowCount, List.of(1L));
        return new QueryResult(List.of("x"), List.of("bigint"), rows, wallMillis, List.of(sources));
    }
}
