package io.github.athenaddb.ddb.schema.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Schemas shared by a function's Lambda instances: one small object per entry under the spill
 * location, {@code s3://spill_bucket/spill_prefix/schema-cache/KEY}, which the function already
 * may read and write (and whose lifecycle rule deletes it with the spill). Sealed as spill is
 * ({@link EntrySeal}); written with the spill's PutObject headers ({@code spill_put_request_headers}),
 * which a bucket policy may require.
 */
public final class S3SchemaStore
        implements SchemaStore
{
    static final String FOLDER = "schema-cache";
    private static final Logger log = LoggerFactory.getLogger(S3SchemaStore.class);

    private final Supplier<S3Client> s3;
    private final String bucket;
    private final String prefix;
    private final EntrySeal seal;
    private final Map<String, String> putHeaders;

    public S3SchemaStore(Supplier<S3Client> s3, String bucket, String prefix, EntrySeal seal, Map<String, String> putHeaders)
    {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
        this.seal = requireNonNull(seal, "seal is null");
        this.putHeaders = Map.copyOf(putHeaders);
    }

    /** The entry's object key: under the prefix as the SDK's spill objects are (prefix, "/", name). */
    String objectKey(String key)
    {
        String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return (base.isEmpty() ? "" : base + "/") + FOLDER + "/" + key;
    }

    @Override
    public Optional<StoredSchema> read(String key, Instant now)
    {
        String object = objectKey(key);
        byte[] sealed;
        try {
            sealed = s3.get().getObjectAsBytes(b -> b.bucket(bucket).key(object)).asByteArray();
        }
        catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        catch (S3Exception e) {
            // Without s3:ListBucket (the template grants none), S3 answers 403 for a missing object.
            if (e.statusCode() == 403 || e.statusCode() == 404) {
                log.debug("Schema cache object s3://{}/{} not read ({}): sampling the table", bucket, object, e.statusCode());
            }
            else {
                log.warn("Schema cache object s3://{}/{} not read (the table is sampled instead): {}", bucket, object, e.getMessage());
            }
            return Optional.empty();
        }
        catch (RuntimeException e) {
            log.warn("Schema cache object s3://{}/{} not read (the table is sampled instead): {}", bucket, object, e.toString());
            return Optional.empty();
        }
        try {
            return StoredSchema.decode(seal.open(sealed, key), key, now);
        }
        catch (RuntimeException e) {
            log.warn("Schema cache object s3://{}/{} ignored (the table is sampled instead): {}", bucket, object, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void write(StoredSchema entry)
    {
        String object = objectKey(entry.key());
        try {
            byte[] sealed = seal.seal(entry.encode(), entry.key());
            s3.get().putObject(b -> b.bucket(bucket).key(object)
                    .overrideConfiguration(o -> putHeaders.forEach(o::putHeader)), RequestBody.fromBytes(sealed));
        }
        catch (RuntimeException e) {
            log.warn("Schema cache object s3://{}/{} not written (other instances sample the table themselves): {}", bucket, object,
                    e.toString());
        }
    }

    @Override
    public String toString()
    {
        return "s3://" + bucket + "/" + objectKey("") + " (" + seal + ")";
    }
}
