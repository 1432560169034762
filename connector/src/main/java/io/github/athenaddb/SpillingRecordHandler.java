package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.data.SpillConfig;
import com.amazonaws.athena.connector.lambda.handlers.RecordHandler;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Map;

/**
 * What every source's record handler shares: the spill S3 client ({@link SpillClients}) and a
 * spill configuration with a single writer thread.
 *
 * <p>Why one thread: the SDK's {@code S3BlockSpiller} appends each spilled block's location to
 * a plain {@code ArrayList} from its writer threads, which hold only a shared (read) lock. With
 * the SDK's default of two threads, two uploads finishing together can lose one location, and
 * Athena then silently misses a block of rows (seen here: 168,129 of 200,000 rows came back).
 * One thread still overlaps the upload with reading the source.
 */
public abstract class SpillingRecordHandler
        extends RecordHandler
{
    static final int SPILL_WRITER_THREADS = 1;

    protected SpillingRecordHandler(String sourceType, Map<String, String> configOptions)
    {
        super(SpillClients.s3(configOptions), SecretsManagerClient.create(), AthenaClient.create(), sourceType, configOptions);
    }

    @Override
    protected SpillConfig getSpillConfig(ReadRecordsRequest request)
    {
        // Every field copied by hand: the SDK's SpillConfig.newBuilder(SpillConfig) copies only two of them.
        SpillConfig sdk = super.getSpillConfig(request);
        return SpillConfig.newBuilder()
                .withSpillLocation(sdk.getSpillLocation())
                .withMaxBlockBytes(sdk.getMaxBlockBytes())
                .withMaxInlineBlockBytes(sdk.getMaxInlineBlockSize())
                .withRequestId(sdk.getRequestId())
                .withEncryptionKey(sdk.getEncryptionKey())
                .withNumSpillThreads(SPILL_WRITER_THREADS)
                .build();
    }
}
