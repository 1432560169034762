package io.github.athenaddb.handler;

import com.amazonaws.athena.connector.lambda.QueryStatusChecker;
import com.amazonaws.athena.connector.lambda.ThrottlingInvoker;
import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockSpiller;
import com.amazonaws.athena.connector.lambda.data.S3BlockSpiller;
import com.amazonaws.athena.connector.lambda.data.SpillConfig;
import com.amazonaws.athena.connector.lambda.domain.predicate.ConstraintEvaluator;
import com.amazonaws.athena.connector.lambda.handlers.AthenaExceptionFilter;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsResponse;
import com.amazonaws.athena.connector.lambda.records.RecordResponse;
import com.amazonaws.athena.connector.lambda.records.RemoteReadRecordsResponse;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * A source's record handler: reads one split into blocks, which go back inline, or to S3 once
 * they pass the inline size Athena asked for (the federation SDK's {@link S3BlockSpiller}).
 * Subclasses read; this handles the rest of the request as the SDK's {@code RecordHandler} does,
 * without building its S3, Athena, KMS and Secrets Manager clients up front: S3 is built by the
 * first block that spills, Athena by the first query status check.
 *
 * <p>Spilling uses a single writer thread. The SDK's {@code S3BlockSpiller} appends each spilled
 * block's location to a plain {@code ArrayList} from its writer threads, which hold only a shared
 * (read) lock. With the SDK's default of two threads, two uploads finishing together can lose one
 * location, and Athena then silently misses a block of rows (seen here: 168,129 of 200,000 rows
 * came back). One thread still overlaps the upload with reading the source.
 */
public abstract class SourceRecordHandler
        implements RecordSource
{
    static final int SPILL_WRITER_THREADS = 1;
    /** The federation SDK's setting: a block size that overrides the one Athena asks for. */
    public static final String MAX_BLOCK_SIZE_BYTES = "MAX_BLOCK_SIZE_BYTES";

    protected final Map<String, String> configOptions;
    private final OptionalLong maxBlockBytes;
    private final S3Client spillS3;
    private final AthenaClient athena;
    private final ThrottlingInvoker athenaInvoker;

    /** @param spillS3 builds the client spilled blocks are written with, when the first one is */
    protected SourceRecordHandler(Map<String, String> configOptions, Supplier<S3Client> spillS3)
    {
        this.configOptions = Map.copyOf(requireNonNull(configOptions, "configOptions is null"));
        this.maxBlockBytes = maxBlockBytes(configOptions);
        this.spillS3 = new LazyS3Client(spillS3);
        this.athena = new LazyAthenaClient(AthenaClient::create);
        this.athenaInvoker = ThrottlingInvoker.newDefaultBuilder(AthenaExceptionFilter.ATHENA_EXCEPTION_FILTER, configOptions).build();
    }

    @Override
    public RecordResponse doReadRecords(BlockAllocator allocator, ReadRecordsRequest request)
            throws Exception
    {
        SpillConfig spillConfig = getSpillConfig(request);
        try (ConstraintEvaluator evaluator = new ConstraintEvaluator(allocator, request.getSchema(), request.getConstraints());
                S3BlockSpiller spiller = new S3BlockSpiller(spillS3, spillConfig, allocator, request.getSchema(), evaluator, configOptions);
                QueryStatusChecker status = new QueryStatusChecker(athena, athenaInvoker, request.getQueryId())) {
            readWithConstraint(spiller, request, status);
            if (!spiller.spilled()) {
                return new ReadRecordsResponse(request.getCatalogName(), spiller.getBlock());
            }
            return new RemoteReadRecordsResponse(request.getCatalogName(), request.getSchema(), spiller.getSpillLocations(),
                    spillConfig.getEncryptionKey());
        }
    }

    /** Writes the split's rows that pass the request's constraints to {@code spiller}. */
    protected abstract void readWithConstraint(BlockSpiller spiller, ReadRecordsRequest request, QueryStatusChecker queryStatusChecker)
            throws Exception;

    /**
     * {@value #MAX_BLOCK_SIZE_BYTES}, the largest block in bytes in place of the size Athena asks for; empty when not set.
     *
     * @throws IllegalArgumentException when set to anything but a positive whole number
     */
    public static OptionalLong maxBlockBytes(Map<String, String> config)
    {
        String value = config.get(MAX_BLOCK_SIZE_BYTES);
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long bytes = Long.parseLong(value.trim());
            if (bytes > 0) {
                return OptionalLong.of(bytes);
            }
        }
        catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("Invalid configuration " + MAX_BLOCK_SIZE_BYTES + "='" + value + "': expected a positive number of bytes");
    }

    protected SpillConfig getSpillConfig(ReadRecordsRequest request)
    {
        return SpillConfig.newBuilder()
                .withSpillLocation(request.getSplit().getSpillLocation())
                .withMaxBlockBytes(maxBlockBytes.orElse(request.getMaxBlockSize()))
                .withMaxInlineBlockBytes(request.getMaxInlineBlockSize())
                .withRequestId(request.getQueryId())
                .withEncryptionKey(request.getSplit().getEncryptionKey())
                .withNumSpillThreads(SPILL_WRITER_THREADS)
                .build();
    }
}
