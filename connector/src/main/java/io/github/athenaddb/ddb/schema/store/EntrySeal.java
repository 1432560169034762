package io.github.athenaddb.ddb.schema.store;

import java.util.Arrays;

/**
 * How an entry is protected in a shared store. The first byte says which seal wrote it, so an entry
 * written under another setting (plaintext read by an encrypting store, or the reverse) is refused,
 * never taken for what it is not.
 */
public interface EntrySeal
{
    byte PLAIN_TAG = 0;
    byte KMS_TAG = 1;

    /** For a store whose spill is not encrypted (disable_spill_encryption=true). */
    EntrySeal PLAINTEXT = new EntrySeal()
    {
        @Override
        public byte[] seal(byte[] plain, String key)
        {
            byte[] sealed = new byte[plain.length + 1];
            sealed[0] = PLAIN_TAG;
            System.arraycopy(plain, 0, sealed, 1, plain.length);
            return sealed;
        }

        @Override
        public byte[] open(byte[] sealed, String key)
        {
            if (sealed.length == 0 || sealed[0] != PLAIN_TAG) {
                throw new IllegalArgumentException("not a plaintext entry (written with spill encryption on?)");
            }
            return Arrays.copyOfRange(sealed, 1, sealed.length);
        }

        @Override
        public String toString()
        {
            return "plaintext";
        }
    };

    /** @param key the entry's key, bound to the sealed bytes so that they cannot be moved to another key */
    byte[] seal(byte[] plain, String key);

    /** @throws IllegalArgumentException when the bytes were not sealed by this seal for this key, or were altered */
    byte[] open(byte[] sealed, String key);
}
