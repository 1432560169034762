package io.github.athenaddb.handler;

import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import software.amazon.awssdk.services.glue.model.ErrorDetails;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Before the first splits are handed out, as the federation SDK does: the spill bucket must exist
 * and be the function's to write, or the query fails now, with the bucket's name, rather than
 * when its first large split spills. Checked once per bucket (a HEAD request); no bucket
 * configured (local runs) is not checked.
 */
public final class SpillBucketCheck
{
    private final Supplier<S3Client> s3;
    private final String bucket;
    private volatile Boolean usable;

    public SpillBucketCheck(Supplier<S3Client> s3, String bucket)
    {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = bucket == null || bucket.isBlank() ? null : bucket.trim();
    }

    public void check()
    {
        if (bucket == null) {
            return;
        }
        if (usable == null) {
            usable = headBucket();
        }
        if (!usable) {
            throw new AthenaConnectorException("The spill bucket '" + bucket + "' (spill_bucket) does not exist or is not the function's to use",
                    ErrorDetails.builder().errorCode(FederationSourceErrorCode.ACCESS_DENIED_EXCEPTION.toString()).build());
        }
    }

    private boolean headBucket()
    {
        try {
            s3.get().headBucket(b -> b.bucket(bucket));
            return true;
        }
        catch (S3Exception e) {
            // 404: no such bucket; 403: not the function's.
            if (e.statusCode() == 404 || e.statusCode() == 403) {
                return false;
            }
            throw new AthenaConnectorException("Cannot check the spill bucket '" + bucket + "': " + e.getMessage(),
                    ErrorDetails.builder().errorCode(FederationSourceErrorCode.ACCESS_DENIED_EXCEPTION.toString()).build());
        }
    }
}
