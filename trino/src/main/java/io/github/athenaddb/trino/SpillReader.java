package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.S3BlockSpillReader;
import com.amazonaws.athena.connector.lambda.domain.spill.S3SpillLocation;
import com.amazonaws.athena.connector.lambda.domain.spill.SpillLocation;
import com.amazonaws.athena.connector.lambda.records.RemoteReadRecordsResponse;
import io.trino.spi.TrinoException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.util.function.Consumer;

import static io.github.athenaddb.trino.FederationErrorCode.FEDERATION_SOURCE_ERROR;
import static io.github.athenaddb.trino.FederationErrorCode.FEDERATION_UNSUPPORTED_RESPONSE;
import static java.util.Objects.requireNonNull;

/**
 * The blocks of a spilled ReadRecords answer, read back from S3 as Athena reads them: each
 * location in order, decrypted with the split's key (AES-GCM, the federation SDK's spill
 * format; no key when the source spills in plaintext) by the SDK's own reader. The S3 client is
 * built on the first spill, so that a catalog whose source never spills needs no S3 access.
 */
final class SpillReader
        implements AutoCloseable
{
    private final AwsSettings aws;
    private final BlockAllocator allocator;
    private S3Client s3;

    SpillReader(AwsSettings aws, BlockAllocator allocator)
    {
        this.aws = requireNonNull(aws, "aws is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    /** Hands each block to {@code consumer}, then closes it. */
    void read(RemoteReadRecordsResponse response, Consumer<Block> consumer)
    {
        S3BlockSpillReader reader = new S3BlockSpillReader(client(), allocator);
        for (SpillLocation location : response.getRemoteBlocks()) {
            if (!(location instanceof S3SpillLocation s3Location)) {
                throw new TrinoException(FEDERATION_UNSUPPORTED_RESPONSE, "The source spilled to a " + location.getClass().getSimpleName()
                        + ", not S3");
            }
            Block block;
            try {
                block = reader.read(s3Location, response.getEncryptionKey(), response.getSchema());
            }
            catch (RuntimeException e) {
                // S3 refused, or the block does not decrypt with the split's key (AES-GCM checks its tag).
                throw new TrinoException(FEDERATION_SOURCE_ERROR, "Cannot read spilled results s3://" + s3Location.getBucket() + "/"
                        + s3Location.getKey() + ": " + e.getMessage(), e);
            }
            try (block) {
                consumer.accept(block);
            }
            catch (Exception e) {
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("Cannot release a spilled block", e);
            }
        }
    }

    private synchronized S3Client client()
    {
        if (s3 == null) {
            S3ClientBuilder builder = S3Client.builder().region(aws.awsRegion());
            // Local S3 APIs (moto_server, MinIO) serve buckets by path, not by host name.
            aws.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
            s3 = builder.build();
        }
        return s3;
    }

    @Override
    public synchronized void close()
    {
        if (s3 != null) {
            s3.close();
        }
    }
}
