package io.github.athenaddb.ddb.schema.store;

import org.apache.arrow.vector.types.pojo.Schema;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A shared schema entry's bytes: a format tag, the entry's key (so that an entry read under another
 * key, a renamed file or object, is refused), when it expires, and the schema as an Arrow IPC
 * message (which keeps the schema's metadata: the table's keys, indexes and column mapping).
 */
public record StoredSchema(String key, Instant expires, Schema schema)
{
    private static final int FORMAT = 0x41445331; // "ADS1"

    public StoredSchema
    {
        requireNonNull(key, "key is null");
        requireNonNull(expires, "expires is null");
        requireNonNull(schema, "schema is null");
    }

    public byte[] encode()
    {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(FORMAT);
            out.writeUTF(key);
            out.writeLong(expires.toEpochMilli());
            byte[] message = schema.serializeAsMessage();
            out.writeInt(message.length);
            out.write(message);
            out.flush();
            return bytes.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entry stored under {@code key} if it has not expired at {@code now}.
     *
     * @throws IllegalArgumentException when the bytes are not an entry of this format or of another key
     */
    public static Optional<StoredSchema> decode(byte[] bytes, String key, Instant now)
    {
        try {
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
            if (in.readInt() != FORMAT) {
                throw new IllegalArgumentException("not a schema entry of this connector's format");
            }
            String stored = in.readUTF();
            if (!stored.equals(key)) {
                throw new IllegalArgumentException("an entry of another key (" + stored + ")");
            }
            Instant expires = Instant.ofEpochMilli(in.readLong());
            if (!now.isBefore(expires)) {
                return Optional.empty();
            }
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new IllegalArgumentException("truncated");
            }
            byte[] message = in.readNBytes(length);
            return Optional.of(new StoredSchema(key, expires, Schema.deserializeMessage(ByteBuffer.wrap(message))));
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException known && known.getCause() == null) {
                throw known;
            }
            throw new IllegalArgumentException("unreadable: " + e, e);
        }
    }
}
