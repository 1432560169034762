package com.amazonaws.athena.connector.lambda.security;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.data.RecordBatchSerDe;
import com.amazonaws.athena.connector.lambda.data.SchemaBuilder;
import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import org.apache.arrow.vector.types.Types;
import org.apache.arrow.vector.types.pojo.Schema;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connector's AesGcmBlockCrypto (in place of the federation SDK's, see its comment) writes the
 * bytes the SDK's BouncyCastle cipher writes and reads what that cipher wrote.
 */
class AesGcmBlockCryptoTest
{
    private static final Schema SCHEMA = SchemaBuilder.newBuilder().addField("id", Types.MinorType.INT.getType())
            .addField("note", Types.MinorType.VARCHAR.getType()).build();

    @Test
    void encryptsAsTheSdksBouncyCastleCipherDoesAndReadsWhatItWrote()
            throws Exception
    {
        assertThat(Path.of(AesGcmBlockCrypto.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString())
                .as("the connector's class comes first on the classpath").endsWith("classes");
        EncryptionKey key = new LocalKeyFactory().create();
        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl(); Block block = allocator.createBlock(SCHEMA)) {
            for (int row = 0; row < 100; row++) {
                block.setValue("id", row, row);
                block.setValue("note", row, "secret-" + row);
            }
            block.setRowCount(100);
            ByteArrayOutputStream clear = new ByteArrayOutputStream();
            new RecordBatchSerDe(allocator).serialize(block.getRecordBatch(), clear);

            byte[] ours = new AesGcmBlockCrypto(allocator).encrypt(key, block);
            byte[] bouncyCastles = bouncyCastle(Cipher.ENCRYPT_MODE, key).doFinal(clear.toByteArray());
            assertThat(ours).isEqualTo(bouncyCastles);
            assertThat(bouncyCastle(Cipher.DECRYPT_MODE, key).doFinal(ours)).isEqualTo(clear.toByteArray());
            try (Block read = new AesGcmBlockCrypto(allocator).decrypt(key, bouncyCastles, SCHEMA)) {
                assertThat(read.getRowCount()).isEqualTo(100);
                assertThat(read.getFieldReader("note").readText().toString()).isEqualTo("secret-0");
            }
            assertThat(new AesGcmBlockCrypto(allocator).decrypt(key, bouncyCastles)).isEqualTo(clear.toByteArray());

            byte[] tampered = ours.clone();
            tampered[tampered.length / 2] ^= 1;
            assertThatThrownBy(() -> new AesGcmBlockCrypto(allocator).decrypt(key, tampered)).isInstanceOf(AthenaConnectorException.class);
            assertThatThrownBy(() -> new AesGcmBlockCrypto(allocator).decrypt(new EncryptionKey(key.getKey(), new byte[8]), ours))
                    .isInstanceOf(AthenaConnectorException.class).hasMessageContaining("Expected 12 nonce bytes");
        }
    }

    private static Cipher bouncyCastle(int mode, EncryptionKey key)
            throws Exception
    {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", new BouncyCastleProvider());
        cipher.init(mode, new SecretKeySpec(key.getKey(), "AES"), new GCMParameterSpec(128, key.getNonce()));
        return cipher;
    }
}
