package io.github.athenaddb.ddb.schema.store;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SharedSchemaLocationTest
{
    @Test
    void withAKmsKeySchemasAreSharedEncryptedUnderTheSpillPrefix()
    {
        SharedSchemaLocation location = SharedSchemaLocation.of(Map.of("spill_bucket", "b", "spill_prefix", "athena-spill", "kms_key_id", "k"));
        assertThat(location.kind()).isEqualTo(SharedSchemaLocation.Kind.S3_KMS);
        assertThat(location.where()).isEqualTo("b/athena-spill");
        assertThat(location.open(Map.of("kms_key_id", "k"), SharedSchemaLocationTest::noS3Client).toString()).isEqualTo("s3://b/athena-spill/schema-cache/ (AES-GCM under KMS key k)");
    }

    @Test
    void withSpillEncryptionOffTheyAreSharedInPlaintextUnderTheSdksDefaultPrefix()
    {
        SharedSchemaLocation location = SharedSchemaLocation.of(Map.of("spill_bucket", "b", "disable_spill_encryption", "true", "kms_key_id", "k"));
        assertThat(location.kind()).isEqualTo(SharedSchemaLocation.Kind.S3_PLAINTEXT);
        assertThat(location.where()).isEqualTo("b/athena-federation-spill");
    }

    @Test
    void withoutAKeyEveryInstanceCanReadNothingIsShared()
    {
        SharedSchemaLocation location = SharedSchemaLocation.of(Map.of("spill_bucket", "b"));
        assertThat(location.kind()).isEqualTo(SharedSchemaLocation.Kind.NONE);
        assertThat(location.reason()).contains("set kms_key_id");
        assertThat(location.open(Map.of(), SharedSchemaLocationTest::noS3Client)).isSameAs(SchemaStore.NONE);
        assertThat(SharedSchemaLocation.of(Map.of()).kind()).isEqualTo(SharedSchemaLocation.Kind.NONE);
    }

    @Test
    void aDirectoryWinsAndNoCachingMeansNoSharing()
    {
        assertThat(SharedSchemaLocation.of(Map.of("schema_cache_dir", "/tmp/s", "spill_bucket", "b", "kms_key_id", "k")).kind())
                .isEqualTo(SharedSchemaLocation.Kind.DIRECTORY);
        assertThat(SharedSchemaLocation.of(Map.of("schema_cache_seconds", "0", "schema_cache_dir", "/tmp/s")).kind())
                .isEqualTo(SharedSchemaLocation.Kind.NONE);
    }

    @Test
    void theKeyChangesWithWhatChangesTheSchema()
    {
        SchemaCacheKey base = SchemaCacheKey.fromConfig(Map.of("AWS_REGION", "us-east-1"));
        String key = base.of("default.Orders", "");

        assertThat(key).matches("[0-9a-f]{64}").isEqualTo(SchemaCacheKey.fromConfig(Map.of("AWS_REGION", "us-east-1", "scan_segments", "8")).of("default.Orders", ""));
        assertThat(base.of("default.Customers", "")).isNotEqualTo(key);
        assertThat(base.of("default.Orders", "Table(Name=orders)")).isNotEqualTo(key);
        for (String setting : SchemaCacheKey.SETTINGS) {
            Map<String, String> changed = new HashMap<>(Map.of("AWS_REGION", "us-east-1"));
            changed.put(setting, "x");
            assertThat(SchemaCacheKey.fromConfig(changed).of("default.Orders", "")).as(setting).isNotEqualTo(key);
        }
    }

    private static S3Client noS3Client()
    {
        throw new AssertionError("opening the store builds no S3 client");
    }
}
