package io.github.athenaddb.local;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import io.github.athenaddb.SpillClients;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.ExportLayout;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.local.engine.DynamoDbRequestMeter;
import org.apache.arrow.vector.types.pojo.Schema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The export and change table scenarios, on a moto_server of their own (dynalite has no streams,
 * and there is no S3 beside it): {@code bench_export$export} reads an export of flat items laid out
 * in moto's S3 as DynamoDB writes one, {@value #EXPORT_FILES} data files read at once (one split
 * each); {@code bench_changes$changes} reads the stream records of the flat items written to a
 * stream-enabled table (moto keeps one shard: one split). Both through Athena's call sequence,
 * rows counted without converting them, as the full read. Skipped when moto_server is not installed.
 */
final class MotoBenchScenarios
{
    static final String EXPORT_TABLE = "bench_export";
    static final String CHANGE_TABLE = "bench_changes";
    static final int EXPORT_FILES = 4;
    private static final String BUCKET = "bench-exports";
    private static final String FOLDER = ExportLayout.folder(EXPORT_TABLE, "01780000000000-bench001");

    private MotoBenchScenarios() {}

    static List<BenchResults.Scenario> run(Set<BenchScenario> selected, BenchSettings settings, PrintStream out)
    {
        List<BenchScenario> wanted = Stream.of(BenchScenario.EXPORT_READ, BenchScenario.CHANGES_READ).filter(selected::contains).toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        if (!MotoServer.installed()) {
            return wanted.stream().map(s -> BenchResults.Scenario.skipped(s.id, s.description, "moto_server is not installed (pip install 'moto[server]')"))
                    .toList();
        }
        MotoServer moto = MotoServer.start();
        Map<String, String> config = Map.of(SpillClients.S3_ENDPOINT, moto.endpoint().toString(),
                "export_location_" + EXPORT_TABLE, "s3://" + BUCKET + "/" + FOLDER);
        try (LocalConnector local = LocalConnector.forEndpoint(Optional.of(moto.endpoint()), config)) {
            out.println("moto_server (DynamoDB, DynamoDB Streams and S3) at " + moto.endpoint());
            List<BenchResults.Scenario> results = new ArrayList<>();
            if (wanted.contains(BenchScenario.EXPORT_READ)) {
                results.add(exportRead(local, moto, settings, out));
            }
            if (wanted.contains(BenchScenario.CHANGES_READ)) {
                results.add(changesRead(local, settings, out));
            }
            return results;
        }
        finally {
            moto.stop();
        }
    }

    /** The live table is empty: GetTable infers the columns from the export, and every row is the export's. */
    private static BenchResults.Scenario exportRead(LocalConnector local, MotoServer moto, BenchSettings settings, PrintStream out)
    {
        int n = settings.exportItems();
        long start = System.nanoTime();
        try (DynamoDbClient loader = local.loader(); S3Client s3 = moto.s3()) {
            BenchData.createFlatTable(loader, EXPORT_TABLE);
            s3.createBucket(b -> b.bucket(BUCKET));
            List<List<Map<String, AttributeValue>>> files = new ArrayList<>();
            for (int f = 0; f < EXPORT_FILES; f++) {
                List<Map<String, AttributeValue>> items = new ArrayList<>();
                for (int i = f; i < n; i += EXPORT_FILES) {
                    items.add(BenchData.flatItem(i));
                }
                files.add(items);
            }
            new ExportLayout(s3, BUCKET).write(FOLDER, Instant.now().truncatedTo(ChronoUnit.SECONDS), files);
        }
        out.printf(Locale.ROOT, "  %s: an export of %,d items laid out in %d data files in %.1f s%n", EXPORT_TABLE, n, EXPORT_FILES,
                (System.nanoTime() - start) / 1e9);
        String name = BenchScenario.EXPORT_READ.id + "-" + BenchScenario.size(n);
        out.println("  running " + name);
        String prefix = FOLDER.substring(0, FOLDER.indexOf("AWSDynamoDB/"));
        List<TimedRuns.Run> runs = TimedRuns.measure(settings, EXPORT_TABLE,
                () -> Map.of("GetObject", DynamoDbRequestMeter.objectsRead(BUCKET, prefix)),
                () -> read(local.athena(), EXPORT_TABLE + "$export", EXPORT_FILES));
        return TimedRuns.summarize(name, String.format(Locale.ROOT, "full read of %s$export: an export of %,d flat items (10 attributes) in "
                + "%d data files in moto_server's S3, read %d at once; no DynamoDB read capacity", EXPORT_TABLE, n, EXPORT_FILES, EXPORT_FILES),
                runs, null);
    }

    private static BenchResults.Scenario changesRead(LocalConnector local, BenchSettings settings, PrintStream out)
    {
        int n = settings.changeRecords();
        try (DynamoDbClient loader = local.loader()) {
            Tables.create(loader, Tables.table(CHANGE_TABLE, "id", ScalarAttributeType.S)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)).build());
            BenchData.load(loader, CHANGE_TABLE, n, BenchData::flatItem, out);
        }
        String name = BenchScenario.CHANGES_READ.id + "-" + BenchScenario.size(n);
        out.println("  running " + name);
        List<TimedRuns.Run> runs = TimedRuns.measure(settings, CHANGE_TABLE, () -> read(local.athena(), CHANGE_TABLE + "$changes", 1));
        return TimedRuns.summarize(name, String.format(Locale.ROOT, "full read of %s$changes: %,d stream records (INSERTs of flat items, "
                + "NEW_AND_OLD_IMAGES) from moto_server's one shard, one split", CHANGE_TABLE, n), runs, null);
    }

    private static long read(AthenaSequence athena, String table, int parallelism)
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable(table).getSchema());
        Constraints none = new Constraints(Map.of(), List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, Map.of(), null);
        AtomicLong rows = new AtomicLong();
        athena.read("default", table, schema, none, parallelism, block -> rows.addAndGet(block.getRowCount()));
        return rows.get();
    }
}
