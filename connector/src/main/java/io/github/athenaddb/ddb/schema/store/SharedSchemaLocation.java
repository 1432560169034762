package io.github.athenaddb.ddb.schema.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Suppliers;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.handler.SourceMetadataHandler;
import io.github.athenaddb.handler.SpillKeys;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Where inferred schemas are shared, from the settings, with the reason (logged at start):
 * <ul>
 * <li>{@value #DIRECTORY_SETTING}: files in that directory (athena-local sets it);</li>
 * <li>else under the spill location, sealed as spill is: with {@code kms_key_id}, by a KMS data key
 * that every instance can decrypt; with {@code disable_spill_encryption=true}, in plaintext;</li>
 * <li>else nowhere: spill encryption is on with a random key per query, and there is no key that
 * every instance could read without a secret of its own, so each instance keeps its own schemas.</li>
 * </ul>
 */
public record SharedSchemaLocation(Kind kind, String where, String reason)
{
    public static final String DIRECTORY_SETTING = "schema_cache_dir";
    /** The federation SDK's spill settings, by its names. */
    static final String SPILL_BUCKET = SourceMetadataHandler.SPILL_BUCKET;
    static final String SPILL_PREFIX = SourceMetadataHandler.SPILL_PREFIX;
    static final String KMS_KEY_ID = SpillKeys.KMS_KEY_ID;

    public enum Kind
    {
        NONE, DIRECTORY, S3_PLAINTEXT, S3_KMS
    }

    public SharedSchemaLocation
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(where, "where is null");
        requireNonNull(reason, "reason is null");
    }

    public static SharedSchemaLocation of(Map<String, String> env)
    {
        if (value(env, ConnectorConfig.SCHEMA_CACHE_SECONDS).map(v -> v.equals("0")).orElse(false)) {
            return new SharedSchemaLocation(Kind.NONE, "", ConnectorConfig.SCHEMA_CACHE_SECONDS + "=0: no schema is cached");
        }
        var directory = value(env, DIRECTORY_SETTING);
        if (directory.isPresent()) {
            return new SharedSchemaLocation(Kind.DIRECTORY, directory.get(), "shared through the files of " + DIRECTORY_SETTING);
        }
        var bucket = value(env, SPILL_BUCKET);
        if (bucket.isEmpty()) {
            return new SharedSchemaLocation(Kind.NONE, "", "not shared: no " + SPILL_BUCKET + " to keep them in");
        }
        String prefix = value(env, SPILL_PREFIX).orElse(SourceMetadataHandler.DEFAULT_SPILL_PREFIX);
        String where = bucket.get() + "/" + prefix;
        if (SpillKeys.encryptionOff(env)) {
            return new SharedSchemaLocation(Kind.S3_PLAINTEXT, where, "shared under the spill location in plaintext, as spill is ("
                    + ConnectorConfig.DISABLE_SPILL_ENCRYPTION + "=true)");
        }
        var kmsKey = value(env, KMS_KEY_ID);
        if (kmsKey.isPresent()) {
            return new SharedSchemaLocation(Kind.S3_KMS, where, "shared under the spill location, encrypted with data keys of " + KMS_KEY_ID);
        }
        return new SharedSchemaLocation(Kind.NONE, "", "not shared between instances: spill is encrypted with a random key per query, "
                + "which no other instance can read; set " + KMS_KEY_ID + " to share them encrypted");
    }

    /**
     * The store; its AWS clients are built on first use, so an instance that never misses its own cache builds none.
     *
     * @param s3 the function's S3 client
     */
    public SchemaStore open(Map<String, String> env, Supplier<S3Client> s3)
    {
        return switch (kind) {
            case NONE -> SchemaStore.NONE;
            case DIRECTORY -> new FileSchemaStore(Path.of(where));
            case S3_PLAINTEXT, S3_KMS -> {
                EntrySeal seal = kind == Kind.S3_PLAINTEXT ? EntrySeal.PLAINTEXT
                        : new KmsEntrySeal(Suppliers.memoize(KmsClient::create), value(env, KMS_KEY_ID).orElseThrow());
                int slash = where.indexOf('/');
                yield new S3SchemaStore(s3, where.substring(0, slash), where.substring(slash + 1), seal, putHeaders(env));
            }
        };
    }

    /** {@code spill_put_request_headers}, which ConnectorConfig has checked to be a JSON object of strings. */
    private static Map<String, String> putHeaders(Map<String, String> env)
    {
        var headers = value(env, ConnectorConfig.SPILL_PUT_REQUEST_HEADERS);
        if (headers.isEmpty()) {
            return Map.of();
        }
        try {
            return new ObjectMapper().readValue(headers.get(), new TypeReference<Map<String, String>>() {});
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Optional<String> value(Map<String, String> env, String name)
    {
        String value = env.get(name);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.trim());
    }

}
