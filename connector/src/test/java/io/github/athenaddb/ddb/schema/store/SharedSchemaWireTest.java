package io.github.athenaddb.ddb.schema.store;

import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.testing.LocalSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lambda instances (each a handler of its own, as a cold instance is) sharing inferred schemas
 * under the spill location of moto_server's S3, encrypted with KMS data keys. An attribute added
 * after the first instance sampled tells whether a later one sampled again: it sees the column
 * only if it did.
 */
class SharedSchemaWireTest
{
    private static final String BUCKET = "spill";
    private static final String PREFIX = "athena-spill";
    private static MotoServer moto;
    private static S3Client s3;
    private static DynamoDbClient dynamo;
    private static String kmsKey;

    @BeforeAll
    static void setUp()
    {
        moto = MotoServer.start();
        s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.US_EAST_1).build();
        s3.createBucket(b -> b.bucket(BUCKET));
        try (KmsClient kms = KmsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).build()) {
            kmsKey = kms.createKey(b -> b.description("spill")).keyMetadata().keyId();
        }
        dynamo = Dynalite.shared().client();
    }

    @AfterAll
    static void tearDown()
    {
        s3.close();
        moto.stop();
    }

    @Test
    void aColdInstanceReadsTheSchemaAnotherSampledEncrypted()
    {
        createTable("SharedOrders");
        assertThat(columns(kms(), "sharedorders")).containsExactly("pk", "total");
        addLateAttribute("SharedOrders");

        assertThat(columns(kms(), "sharedorders")).as("a cold instance: not sampled again").containsExactly("pk", "total");
        assertThat(columns(kms().with("schema_sample_size", "999"), "sharedorders")).as("other sample settings: another entry")
                .containsExactly("pk", "late", "total");

        List<S3Object> objects = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(PREFIX + "/schema-cache/")).contents();
        assertThat(objects).isNotEmpty().allSatisfy(o -> {
            String content = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(o.key())).asString(StandardCharsets.ISO_8859_1);
            assertThat(content).as("encrypted").doesNotContain("total").doesNotContain("SharedOrders");
            assertThat(o.key()).matches(PREFIX + "/schema-cache/[0-9a-f]{64}");
        });
    }

    @Test
    void aCorruptOrForeignEntryIsSampledAgainNeverFailing()
    {
        createTable("SharedCorrupt");
        assertThat(columns(kms(), "sharedcorrupt")).containsExactly("pk", "total");
        for (S3Object o : s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(PREFIX + "/schema-cache/")).contents()) {
            s3.putObject(b -> b.bucket(BUCKET).key(o.key()), RequestBody.fromString("garbage"));
        }
        addLateAttribute("SharedCorrupt");
        assertThat(columns(kms(), "sharedcorrupt")).as("sampled again").containsExactly("pk", "late", "total");

        createTable("SharedPlain");
        LocalSettings plaintext = spill().with("disable_spill_encryption", "true");
        assertThat(columns(plaintext, "sharedplain")).containsExactly("pk", "total");
        addLateAttribute("SharedPlain");
        assertThat(columns(plaintext, "sharedplain")).as("shared in plaintext").containsExactly("pk", "total");
        assertThat(columns(kms(), "sharedplain")).as("a plaintext entry is not read by an encrypting instance")
                .containsExactly("pk", "late", "total");
    }

    private static LocalSettings spill()
    {
        return LocalSettings.dynamo(Dynalite.shared().endpoint())
                .with("spill_bucket", BUCKET).with("spill_prefix", PREFIX)
                .with("s3_endpoint", moto.endpoint().toString()).with("kms_endpoint", moto.endpoint().toString());
    }

    private static LocalSettings kms()
    {
        return spill().with("kms_key_id", kmsKey);
    }

    /** GetTable's columns from a handler of its own: a cold Lambda instance. */
    private static List<String> columns(LocalSettings settings, String table)
    {
        try (LambdaWire wire = settings.wire()) {
            return new AthenaSequence(wire).getTable(table).getSchema().getFields().stream().map(f -> f.getName().toLowerCase()).toList();
        }
    }

    private static void createTable(String name)
    {
        dynamo.createTable(table(name, "pk", ScalarAttributeType.S).build());
        load(dynamo, name, List.of(Map.of("pk", s("a"), "total", n("1")), Map.of("pk", s("b"), "total", n("2"))));
    }

    private static void addLateAttribute(String name)
    {
        load(dynamo, name, List.of(Map.of("pk", s("c"), "total", n("3"), "late", s("x"))));
    }
}
