package io.github.athenaddb.handler;

import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import com.amazonaws.athena.connector.lambda.security.EncryptionKey;
import com.amazonaws.athena.connector.lambda.security.LocalKeyFactory;
import com.google.common.base.Suppliers;
import software.amazon.awssdk.services.glue.model.ErrorDetails;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The key each split's spilled blocks are encrypted with, chosen by the settings as the
 * federation SDK chooses it: none with {@code disable_spill_encryption=true}, a KMS data key of
 * {@code kms_key_id} when it is set, else a key from the JDK's secure random source. The KMS client
 * is built by the first split that needs a key, not with the handler: a Lambda instance that only
 * answers GetTable never builds it.
 */
public final class SpillKeys
{
    public static final String DISABLE_SPILL_ENCRYPTION = "disable_spill_encryption";
    public static final String KMS_KEY_ID = "kms_key_id";
    /** The nonce AES-GCM takes, as the SDK's spill cipher reads it. */
    private static final int NONCE_BYTES = 12;

    private final Supplier<Optional<EncryptionKey>> keys;

    private SpillKeys(Supplier<Optional<EncryptionKey>> keys)
    {
        this.keys = keys;
    }

    /** {@code disable_spill_encryption=true}: spilled blocks, and what else is kept beside them, in plaintext. */
    public static boolean encryptionOff(Map<String, String> config)
    {
        return "true".equalsIgnoreCase(config.getOrDefault(DISABLE_SPILL_ENCRYPTION, "false").trim());
    }

    public static SpillKeys fromConfig(Map<String, String> config)
    {
        if (encryptionOff(config)) {
            return new SpillKeys(Optional::empty);
        }
        String kmsKeyId = config.get(KMS_KEY_ID);
        if (kmsKeyId == null || kmsKeyId.isBlank()) {
            LocalKeyFactory local = new LocalKeyFactory();
            return new SpillKeys(() -> Optional.of(local.create()));
        }
        return kms(Suppliers.memoize(KmsClient::create), kmsKeyId.trim());
    }

    static SpillKeys kms(Supplier<KmsClient> kms, String keyId)
    {
        requireNonNull(kms, "kms is null");
        requireNonNull(keyId, "keyId is null");
        return new SpillKeys(() -> Optional.of(dataKey(kms.get(), keyId)));
    }

    /** A new key, or nothing when spill encryption is off. */
    public Optional<EncryptionKey> next()
    {
        return keys.get();
    }

    private static EncryptionKey dataKey(KmsClient kms, String keyId)
    {
        GenerateDataKeyResponse key;
        try {
            key = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256));
        }
        catch (NotFoundException e) {
            throw new AthenaConnectorException("kms_key_id '" + keyId + "': " + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()),
                    ErrorDetails.builder().errorCode(FederationSourceErrorCode.ENTITY_NOT_FOUND_EXCEPTION.toString()).build());
        }
        byte[] nonce = kms.generateRandom(b -> b.numberOfBytes(NONCE_BYTES)).plaintext().asByteArray();
        return new EncryptionKey(key.plaintext().asByteArray(), nonce);
    }
}
