package io.github.athenaddb.ddb.schema.store;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredSchemaTest
{
    static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
    static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("pk", ArrowType.Utf8.INSTANCE),
            new Field("total", FieldType.nullable(new ArrowType.Decimal(38, 9, 128)), null)),
            Map.of("ddb.table", "{\"name\":\"Orders\"}"));

    @Test
    void anEntryReadsBackWithItsMetadataUntilItExpires()
    {
        byte[] bytes = new StoredSchema("k1", T0.plusSeconds(300), SCHEMA).encode();

        assertThat(StoredSchema.decode(bytes, "k1", T0)).hasValueSatisfying(e -> {
            assertThat(e.schema()).isEqualTo(SCHEMA);
            assertThat(e.schema().getCustomMetadata()).containsEntry("ddb.table", "{\"name\":\"Orders\"}");
            assertThat(e.expires()).isEqualTo(T0.plusSeconds(300));
        });
        assertThat(StoredSchema.decode(bytes, "k1", T0.plusSeconds(300))).isEmpty();
    }

    @Test
    void anEntryOfAnotherKeyOrFormatOrCutShortIsRefused()
    {
        byte[] bytes = new StoredSchema("k1", T0.plusSeconds(300), SCHEMA).encode();

        assertThatThrownBy(() -> StoredSchema.decode(bytes, "k2", T0)).hasMessageContaining("another key");
        assertThatThrownBy(() -> StoredSchema.decode("{\"json\":1}".getBytes(), "k1", T0)).hasMessageContaining("format");
        assertThatThrownBy(() -> StoredSchema.decode(Arrays.copyOf(bytes, bytes.length - 10), "k1", T0)).isInstanceOf(IllegalArgumentException.class);
        byte[] garbled = bytes.clone();
        garbled[garbled.length - 20] ^= 0x55;
        assertThatThrownBy(() -> StoredSchema.decode(new byte[0], "k1", T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileStoreSharesEntriesAndIgnoresAnUnreadableFile(@TempDir Path directory)
            throws Exception
    {
        FileSchemaStore store = new FileSchemaStore(directory.resolve("schemas"));
        assertThat(store.read("k1", T0)).as("nothing stored yet, no directory").isEmpty();

        store.write(new StoredSchema("k1", T0.plusSeconds(300), SCHEMA));
        assertThat(new FileSchemaStore(directory.resolve("schemas")).read("k1", T0)).hasValueSatisfying(e -> assertThat(e.schema()).isEqualTo(SCHEMA));
        assertThat(Files.list(directory.resolve("schemas"))).extracting(p -> p.getFileName().toString()).containsExactly("k1");

        Files.writeString(directory.resolve("schemas").resolve("k1"), "garbage");
        assertThat(store.read("k1", T0)).isEmpty();
    }
}
