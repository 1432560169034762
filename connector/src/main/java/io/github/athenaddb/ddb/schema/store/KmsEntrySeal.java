package io.github.athenaddb.ddb.schema.store;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Envelope encryption under the spill KMS key ({@code kms_key_id}), with AES-GCM as spill is
 * encrypted: an instance asks KMS for one data key (GenerateDataKey) and seals every entry it
 * writes with it, storing the data key as KMS encrypted it beside the entry; any instance whose
 * role may use the key gets it back with KMS Decrypt. This is the one key every instance can read
 * without a secret of its own: spill without {@code kms_key_id} uses a random key per query, which
 * no other instance ever sees. Decrypted data keys are kept per instance, so reading entries of
 * one writer costs one Decrypt.
 *
 * The data key is made on the first write, never before a SnapStart snapshot (priming caches nothing).
 *
 * <p>Layout: tag (1), encrypted data key length (2) and bytes, nonce (12), ciphertext with the GCM tag.
 * The entry's key is the additional authenticated data.
 */
public final class KmsEntrySeal
        implements EntrySeal
{
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_KEPT_KEYS = 64;

    private final Supplier<KmsClient> kms;
    private final String keyId;
    private final Map<ByteBuffer, SecretKey> opened = new ConcurrentHashMap<>();
    private volatile DataKey writing;

    private record DataKey(SecretKey key, byte[] encrypted) {}

    public KmsEntrySeal(Supplier<KmsClient> kms, String keyId)
    {
        this.kms = requireNonNull(kms, "kms is null");
        this.keyId = requireNonNull(keyId, "keyId is null");
    }

    @Override
    public byte[] seal(byte[] plain, String key)
    {
        DataKey dataKey = writingKey();
        byte[] nonce = new byte[NONCE_BYTES];
        // A SecureRandom per nonce, never one kept from before a SnapStart snapshot: restored instances would share its state.
        new SecureRandom().nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, dataKey.key(), nonce, plain, key);
        ByteBuffer sealed = ByteBuffer.allocate(1 + 2 + dataKey.encrypted().length + NONCE_BYTES + ciphertext.length);
        sealed.put(KMS_TAG).putShort((short) dataKey.encrypted().length).put(dataKey.encrypted()).put(nonce).put(ciphertext);
        return sealed.array();
    }

    @Override
    public byte[] open(byte[] sealed, String key)
    {
        ByteBuffer in = ByteBuffer.wrap(sealed);
        if (in.remaining() < 3 || in.get() != KMS_TAG) {
            throw new IllegalArgumentException("not an entry sealed with a KMS data key (written with disable_spill_encryption=true?)");
        }
        int keyLength = Short.toUnsignedInt(in.getShort());
        if (in.remaining() < keyLength + NONCE_BYTES) {
            throw new IllegalArgumentException("truncated");
        }
        byte[] encrypted = new byte[keyLength];
        in.get(encrypted);
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        return crypt(Cipher.DECRYPT_MODE, dataKey(encrypted), nonce, ciphertext, key);
    }

    private DataKey writingKey()
    {
        DataKey key = writing;
        if (key == null) {
            synchronized (this) {
                key = writing;
                if (key == null) {
                    GenerateDataKeyResponse generated = kms.get().generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256));
                    key = new DataKey(new SecretKeySpec(generated.plaintext().asByteArray(), "AES"), generated.ciphertextBlob().asByteArray());
                    opened.put(ByteBuffer.wrap(key.encrypted()), key.key());
                    writing = key;
                }
            }
        }
        return key;
    }

    private SecretKey dataKey(byte[] encrypted)
    {
        ByteBuffer id = ByteBuffer.wrap(encrypted);
        SecretKey key = opened.get(id);
        if (key == null) {
            DecryptResponse decrypted = kms.get().decrypt(b -> b.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(encrypted)));
            key = new SecretKeySpec(decrypted.plaintext().asByteArray(), "AES");
            if (opened.size() >= MAX_KEPT_KEYS) {
                opened.clear();
            }
            opened.put(id, key);
        }
        return key;
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] input, String entryKey)
    {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(entryKey.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot be decrypted with its data key (altered, or sealed for another key): " + e, e);
        }
    }

    @Override
    public String toString()
    {
        return "AES-GCM under KMS key " + keyId;
    }
}
