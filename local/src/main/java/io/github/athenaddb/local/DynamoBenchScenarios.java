package io.github.athenaddb.local;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalEngine;
import org.apache.arrow.vector.types.pojo.Schema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The DynamoDB scenarios, against the bench's dynalite. Full reads go through Athena's call
 * sequence directly (GetTable, layout, splits, ReadRecords), counting rows without converting
 * them, so the figure is the connector's and the wire's. The key-based scenarios are SQL through
 * the local engine, which sends the WHERE, ORDER BY and LIMIT as Athena would: the connector's
 * access planner then picks Query or GetItem, which is what they measure.
 */
final class DynamoBenchScenarios
{
    static final String KEYED_TABLE = "bench_keyed";

    private final LocalConnector local;
    private final BenchSettings settings;
    private final PrintStream out;

    DynamoBenchScenarios(LocalConnector local, BenchSettings settings, PrintStream out)
    {
        this.local = local;
        this.settings = settings;
        this.out = out;
    }

    /**
     * One result per size and selected scenario (through the wire, and through the engine with
     * every row to the client); each table is deleted after its reads, so dynalite holds one at a time.
     */
    List<BenchResults.Scenario> fullReads(Set<BenchScenario> selected)
    {
        List<BenchResults.Scenario> results = new ArrayList<>();
        LocalEngine engine = selected.contains(BenchScenario.SQL_FULL_READ) ? local.engine(EngineOptions.DEFAULTS) : null;
        LambdaReadBench lambda = selected.contains(BenchScenario.LAMBDA_READ) ? new LambdaReadBench(local, settings, out) : null;
        try {
            for (int items : settings.items()) {
                String table = "bench_flat_" + BenchScenario.size(items);
                try (DynamoDbClient loader = local.loader()) {
                    BenchData.createFlatTable(loader, table);
                    BenchData.load(loader, table, items, BenchData::flatItem, out);
                    RcuLowerBound bound = BenchData.lowerBound(0, items, BenchData::flatItem);
                    if (selected.contains(BenchScenario.FULL_READ)) {
                        String name = BenchScenario.FULL_READ.id + "-" + BenchScenario.size(items);
                        out.println("  running " + name);
                        List<TimedRuns.Run> runs = TimedRuns.measure(settings, table, () -> fullRead(table));
                        results.add(TimedRuns.summarize(name, String.format(Locale.ROOT, "full read of %,d flat items (10 attributes) through the wire, %d split(s)",
                                items, settings.segments()), runs, bound));
                    }
                    if (lambda != null) {
                        results.add(lambda.run(table, items, bound));
                    }
                    if (engine != null) {
                        String name = BenchScenario.SQL_FULL_READ.id + "-" + BenchScenario.size(items);
                        out.println("  running " + name);
                        List<TimedRuns.Run> runs = TimedRuns.measure(settings, table,
                                () -> engine.execute("SELECT * FROM ddb.default." + table).rows().size());
                        results.add(TimedRuns.summarize(name, String.format(Locale.ROOT, "SELECT * of %,d flat items through the engine, every row to the client",
                                items), runs, bound));
                    }
                    loader.deleteTable(b -> b.tableName(table));
                }
            }
        }
        finally {
            if (engine != null) {
                engine.close();
            }
            if (lambda != null) {
                lambda.close();
            }
        }
        return results;
    }

    private long fullRead(String table)
    {
        AthenaSequence athena = local.athena();
        Schema schema = AthenaSequence.lowerCased(athena.getTable(table).getSchema());
        Constraints none = new Constraints(Map.of(), List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, Map.of(), null);
        AtomicLong rows = new AtomicLong();
        athena.read("default", table, schema, none, settings.segments(), block -> rows.addAndGet(block.getRowCount()));
        return rows.get();
    }

    /** The Query, top-N and point-lookup scenarios that are selected, on one pk + sk table. */
    List<BenchResults.Scenario> keyed(Set<BenchScenario> selected)
            throws SQLException
    {
        int n = settings.partitionItems();
        List<BenchResults.Scenario> results = new ArrayList<>();
        try (DynamoDbClient loader = local.loader(); LocalEngine engine = local.engine(EngineOptions.DEFAULTS)) {
            BenchData.createKeyedTable(loader, KEYED_TABLE);
            BenchData.loadKeyed(loader, KEYED_TABLE, n, out);
            String from = "SELECT * FROM ddb.default." + KEYED_TABLE + " WHERE pk = '" + BenchData.PARTITION + "'";
            if (selected.contains(BenchScenario.QUERY_PARTITION)) {
                results.add(sql(engine, BenchScenario.QUERY_PARTITION, from, BenchData.lowerBound(0, n, this::keyed)));
            }
            if (selected.contains(BenchScenario.TOP_N)) {
                results.add(sql(engine, BenchScenario.TOP_N, from + " ORDER BY sk DESC LIMIT 10",
                        BenchData.lowerBound(Math.max(0, n - 10), n, this::keyed)));
            }
            if (selected.contains(BenchScenario.POINT_LOOKUP)) {
                int i = n / 2;
                results.add(sql(engine, BenchScenario.POINT_LOOKUP, from + " AND sk = '" + BenchData.sortKey(i) + "'",
                        BenchData.lowerBound(i, i + 1, this::keyed)));
            }
            if (selected.contains(BenchScenario.GROUP_BY)) {
                results.add(sql(engine, BenchScenario.GROUP_BY, "SELECT warehouse, count(*) AS items, sum(quantity) AS units FROM ddb.default."
                        + KEYED_TABLE + " WHERE pk = '" + BenchData.PARTITION + "' GROUP BY warehouse", BenchData.lowerBound(0, n, this::keyed)));
            }
            loader.deleteTable(b -> b.tableName(KEYED_TABLE));
        }
        return results;
    }

    private Map<String, AttributeValue> keyed(int i)
    {
        return BenchData.keyedItem(BenchData.PARTITION, i);
    }

    private BenchResults.Scenario sql(LocalEngine engine, BenchScenario scenario, String sql, RcuLowerBound bound)
    {
        out.println("  running " + scenario.id + ": " + sql);
        List<TimedRuns.Run> runs = TimedRuns.measureBackToBack(settings, KEYED_TABLE, () -> engine.execute(sql).rows().size());
        return TimedRuns.summarize(scenario.id, scenario.description + String.format(Locale.ROOT, "; %,d items in the partition", settings.partitionItems()),
                runs, bound);
    }
}
