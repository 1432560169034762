package com.amazonaws.athena.connector.lambda.security;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.RecordBatchSerDe;
import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import org.apache.arrow.vector.types.pojo.Schema;
import software.amazon.awssdk.services.glue.model.ErrorDetails;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The connector's copy of the federation SDK's spill cipher (the SDK's own class is left out of
 * the shaded jar; this one takes its place on every classpath, as it comes first): AES-256-GCM
 * with a 12-byte nonce and a 128-bit tag, the same bytes as the SDK's, which Athena decrypts.
 *
 * <p>The SDK's class registers BouncyCastle as a JCA provider in its static initializer and asks
 * for the cipher from it. Building that provider loads about 1,500 classes: several hundred
 * milliseconds of the first ReadRecords of every Lambda instance (spill encryption is on by
 * default, and the spiller builds its cipher before it knows whether it will spill). The JDK's
 * own provider implements the same AES-GCM (with CPU instructions for AES and GHASH);
 * {@code AesGcmBlockCryptoTest} checks that both give the same ciphertext and read each other's.
 */
public class AesGcmBlockCrypto
        implements BlockCrypto
{
    protected static final int GCM_TAG_LENGTH_BITS = 16 * 8;
    protected static final int NONCE_BYTES = 12;
    protected static final int KEY_BYTES = 32;
    protected static final String KEYSPEC = "AES";
    protected static final String ALGO = "AES/GCM/NoPadding";

    private final RecordBatchSerDe serDe;
    private final BlockAllocator allocator;

    public AesGcmBlockCrypto(BlockAllocator allocator)
    {
        this.serDe = new RecordBatchSerDe(allocator);
        this.allocator = allocator;
    }

    /**
     * A spilled block is up to the 16 MB Athena asks for, held on the heap while it is encrypted and
     * uploaded: the clear bytes go into one buffer sized from the block (not grown by doubling from
     * 32 bytes, nor copied out by {@code toByteArray}), and the cipher writes into one array of the
     * sealed size. That is two copies of the block on the heap where the SDK's way made four.
     */
    @Override
    public byte[] encrypt(EncryptionKey key, Block block)
    {
        try {
            SerializedBlock clear = new SerializedBlock(block);
            serDe.serialize(block.getRecordBatch(), clear);
            Cipher cipher = makeCipher(Cipher.ENCRYPT_MODE, key);
            byte[] sealed = new byte[cipher.getOutputSize(clear.size())];
            int length = cipher.doFinal(clear.bytes(), 0, clear.size(), sealed, 0);
            return length == sealed.length ? sealed : Arrays.copyOf(sealed, length);
        }
        catch (GeneralSecurityException | IOException e) {
            throw failed(e, FederationSourceErrorCode.INTERNAL_SERVICE_EXCEPTION);
        }
    }

    @Override
    public Block decrypt(EncryptionKey key, byte[] bytes, Schema schema)
    {
        try {
            byte[] clear = makeCipher(Cipher.DECRYPT_MODE, key).doFinal(bytes);
            Block block = allocator.createBlock(schema);
            block.loadRecordBatch(serDe.deserialize(clear));
            return block;
        }
        catch (GeneralSecurityException | IOException e) {
            throw failed(e, FederationSourceErrorCode.INTERNAL_SERVICE_EXCEPTION);
        }
    }

    @Override
    public byte[] decrypt(EncryptionKey key, byte[] bytes)
    {
        try {
            return makeCipher(Cipher.DECRYPT_MODE, key).doFinal(bytes);
        }
        catch (GeneralSecurityException e) {
            throw failed(e, FederationSourceErrorCode.INTERNAL_SERVICE_EXCEPTION);
        }
    }

    /** The block's Arrow IPC bytes, in a buffer sized from the block's own buffers (plus room for the message headers). */
    private static final class SerializedBlock
            extends ByteArrayOutputStream
    {
        private static final int HEADER_ROOM = 64 * 1024;

        SerializedBlock(Block block)
        {
            super((int) Math.min(Integer.MAX_VALUE - 8, block.getSize() + HEADER_ROOM));
        }

        byte[] bytes()
        {
            return buf;
        }
    }

    private static Cipher makeCipher(int mode, EncryptionKey key)
            throws GeneralSecurityException
    {
        if (key.getNonce().length != NONCE_BYTES) {
            throw new AthenaConnectorException("Expected " + NONCE_BYTES + " nonce bytes but found " + key.getNonce().length,
                    ErrorDetails.builder().errorCode(FederationSourceErrorCode.INVALID_INPUT_EXCEPTION.toString()).build());
        }
        if (key.getKey() == null || key.getKey().length == 0) {
            throw new AthenaConnectorException("Invalid key", ErrorDetails.builder().errorCode(FederationSourceErrorCode.INVALID_INPUT_EXCEPTION.toString()).build());
        }
        Cipher cipher = Cipher.getInstance(ALGO);
        cipher.init(mode, new SecretKeySpec(key.getKey(), KEYSPEC), new GCMParameterSpec(GCM_TAG_LENGTH_BITS, key.getNonce()));
        return cipher;
    }

    private static AthenaConnectorException failed(Exception e, FederationSourceErrorCode code)
    {
        return new AthenaConnectorException(e.getMessage() == null ? e.toString() : e.getMessage(), e,
                ErrorDetails.builder().errorCode(code.toString()).build());
    }
}
