package io.github.athenaddb.local;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.SpillClients;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.MotoServer;
import org.apache.arrow.vector.types.pojo.Schema;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The full read as it runs in Lambda: ReadRecords asks for the block sizes Athena sends, so a
 * split's rows leave the handler as encrypted blocks in a spill bucket (moto_server's S3) instead
 * of one inline block, and are read back from there, decrypted with the split's key, and counted.
 * Its peak heap is what one split costs the function, whatever the table's size. A second
 * connector on the bench's dynalite, with a spill bucket; moto_server is started on first use.
 */
final class LambdaReadBench
        implements AutoCloseable
{
    /**
     * What Athena sends in ReadRecords: blocks of at most 16,000,000 bytes (its error for a larger
     * block says "Expected <= 16000000 bytes"), inline up to 5 MiB (Lambda's 6 MB response less the
     * JSON and base64 around the block); the federation SDK's own validation tool sends the same two.
     */
    static final long ATHENA_MAX_BLOCK_BYTES = 16_000_000;
    static final long ATHENA_MAX_INLINE_BYTES = 5L * 1024 * 1024;
    private static final String BUCKET = "bench-spill";
    private static final String PREFIX = "lambda-read";

    private final LocalConnector bench;
    private final BenchSettings settings;
    private final PrintStream out;
    private MotoServer moto;
    private S3Client s3;
    private LocalConnector spilling;

    LambdaReadBench(LocalConnector bench, BenchSettings settings, PrintStream out)
    {
        this.bench = bench;
        this.settings = settings;
        this.out = out;
    }

    /** @param table a flat table of {@code items} items in the bench's dynalite */
    BenchResults.Scenario run(String table, int items, RcuLowerBound bound)
    {
        String name = BenchScenario.LAMBDA_READ.id + "-" + BenchScenario.size(items);
        if (!MotoServer.installed()) {
            return BenchResults.Scenario.skipped(name, BenchScenario.LAMBDA_READ.description,
                    "moto_server is not installed (pip install 'moto[server]'): it is the spill bucket");
        }
        start();
        out.println("  running " + name);
        AtomicLong spilled = new AtomicLong();
        List<TimedRuns.Run> runs = TimedRuns.measure(settings, table, () -> read(table, spilled));
        return TimedRuns.summarize(name, String.format(Locale.ROOT, "full read of %,d flat items with Athena's ReadRecords sizes "
                        + "(blocks ≤ %,d bytes, inline ≤ %,d): %d encrypted block(s) spilled to moto_server's S3 and read back per run, %d split(s)",
                items, ATHENA_MAX_BLOCK_BYTES, ATHENA_MAX_INLINE_BYTES, spilled.get(), settings.segments()), runs, bound);
    }

    private long read(String table, AtomicLong spilledBlocks)
    {
        AthenaSequence athena = spilling.athena().withSpill(s3, ATHENA_MAX_BLOCK_BYTES, ATHENA_MAX_INLINE_BYTES);
        Schema schema = AthenaSequence.lowerCased(athena.getTable(table).getSchema());
        Constraints none = new Constraints(Map.of(), List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, Map.of(), null);
        AtomicLong rows = new AtomicLong();
        athena.read("default", table, schema, none, settings.segments(), block -> rows.addAndGet(block.getRowCount()));
        spilledBlocks.set(athena.spilledBlocks());
        // A spill bucket's lifecycle rule removes them in AWS; moto would keep every run's blocks in its memory.
        List<S3Object> objects = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(PREFIX + "/")).contents().stream().toList();
        objects.forEach(o -> s3.deleteObject(b -> b.bucket(BUCKET).key(o.key())));
        return rows.get();
    }

    private void start()
    {
        if (moto != null) {
            return;
        }
        moto = MotoServer.start();
        s3 = moto.s3();
        s3.createBucket(b -> b.bucket(BUCKET));
        Map<String, String> config = new HashMap<>();
        config.put(ConnectorConfig.SCAN_SEGMENTS, Integer.toString(settings.segments()));
        config.put("spill_bucket", BUCKET);
        config.put("spill_prefix", PREFIX);
        config.put(SpillClients.S3_ENDPOINT, moto.endpoint().toString());
        spilling = LocalConnector.forEndpoint(Optional.of(bench.endpoint()), config);
        out.println("  moto_server (the spill bucket's S3) at " + moto.endpoint());
    }

    @Override
    public void close()
    {
        if (spilling != null) {
            spilling.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (moto != null) {
            moto.stop();
        }
    }
}
