package io.github.athenaddb;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.EmbeddedPostgresDb;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.jdbc.JdbcOptions;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Results over the response limit spill to a real S3 API (moto_server), encrypted by default,
 * and come back through the reader's S3 client: a 200k-row read, every row exactly once, with
 * spilled objects that do not hold the rows' text in the clear (and do when encryption is
 * explicitly off, which shows the check can fail).
 */
class SpillWireTest
{
    private static final int ROWS = 200_000;
    private static final String BUCKET = "athena-spill-test";
    private static MotoServer moto;
    private static S3Client s3;
    private static EmbeddedPostgresDb db;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        moto = MotoServer.start();
        s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        s3.createBucket(b -> b.bucket(BUCKET));
        db = EmbeddedPostgresDb.newDatabase();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE events (id integer PRIMARY KEY, note text)");
            st.execute("INSERT INTO events SELECT g, 'needle-in-the-spill-' || g FROM generate_series(1, " + ROWS + ") g");
        }
    }

    @AfterAll
    static void tearDown()
    {
        s3.close();
        moto.stop();
    }

    @Test
    void aLargeReadSpillsEncryptedAndEveryRowComesBackOnce()
    {
        String prefix = "encrypted";
        BitSet seen = read(prefix, false);
        assertThat(seen.cardinality()).isEqualTo(ROWS);
        for (String object : objectsUnder(prefix)) {
            assertThat(object).doesNotContain("needle-in-the-spill-");
        }
    }

    @Test
    void withEncryptionExplicitlyOffTheSpilledRowsAreReadable()
    {
        String prefix = "plaintext";
        assertThat(read(prefix, true).cardinality()).isEqualTo(ROWS);
        assertThat(objectsUnder(prefix)).anyMatch(o -> o.contains("needle-in-the-spill-"));
    }

    @Test
    void withAKmsKeyTheDataKeysComeFromKms()
    {
        String keyArn;
        try (KmsClient kms = KmsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            keyArn = kms.createKey(b -> b.description("athena-ddb spill test")).keyMetadata().arn();
        }
        String prefix = "kms";
        // Without kms_endpoint reaching the spill keys' KMS client, GenerateDataKey would go to AWS and fail here.
        assertThat(read(prefix, Map.of("kms_key_id", keyArn, SpillClients.KMS_ENDPOINT, moto.endpoint().toString())).cardinality())
                .isEqualTo(ROWS);
        for (String object : objectsUnder(prefix)) {
            assertThat(object).doesNotContain("needle-in-the-spill-");
        }
    }

    private static BitSet read(String prefix, boolean disableEncryption)
    {
        return read(prefix, disableEncryption ? Map.of(SpillClients.DISABLE_SPILL_ENCRYPTION, "true") : Map.of());
    }

    @Test
    void aSpillBucketThatIsNotThereFailsTheQueryAtItsSplitsNamingTheBucket()
    {
        Map<String, String> config = config("missing", Map.of("spill_bucket", "no-such-spill-bucket"));
        try (LambdaWire wire = new LambdaWire(new DdbCompositeHandler(config))) {
            AthenaSequence rds = new AthenaSequence(wire, "rds");
            // GetTable needs no spill bucket; the splits, which would spill, do.
            Schema schema = rds.getTable("public", "events").getSchema();
            assertThatThrownBy(() -> rds.splits("public", "events", schema, new Constraints(Map.of(), List.of(), List.of(), -1, Map.of(), null)))
                    .hasMessageContaining("no-such-spill-bucket").hasMessageContaining("spill_bucket");
        }
    }

    private static Map<String, String> config(String prefix, Map<String, String> extra)
    {
        Map<String, String> config = new HashMap<>(Map.of(
                ConnectorConfig.DYNAMODB_ENDPOINT, Dynalite.shared().endpoint().toString(),
                ConnectorConfig.REGION, "us-east-1",
                ConnectorConfig.QUERY_STATUS_CHECK, "false",
                JdbcOptions.SPLIT_ROWS, "100000000",
                "rds_connection_string", db.jdbcUrlWithCredentials(),
                "spill_bucket", BUCKET,
                "spill_prefix", prefix,
                SpillClients.S3_ENDPOINT, moto.endpoint().toString()));
        config.putAll(extra);
        return config;
    }

    private static BitSet read(String prefix, Map<String, String> extra)
    {
        Map<String, String> config = config(prefix, extra);
        BitSet seen = new BitSet(ROWS + 1);
        try (LambdaWire wire = new LambdaWire(new DdbCompositeHandler(config))) {
            // Athena's limits, scaled down: 1 MB blocks, responses inline up to 1 MB.
            AthenaSequence rds = new AthenaSequence(wire, "rds").withSpill(s3, 1024 * 1024, 1024 * 1024);
            Schema schema = rds.getTable("public", "events").getSchema();
            int splits = rds.read("public", "events", schema, new Constraints(Map.of(), List.of(), List.of(), -1, Map.of(), null), 1,
                    block -> AthenaSequence.rows(block).forEach(row -> {
                        int id = (Integer) row.get("id");
                        assertThat(seen.get(id)).as("row %d returned twice", id).isFalse();
                        assertThat(row.get("note")).isEqualTo("needle-in-the-spill-" + id);
                        seen.set(id);
                    }));
            assertThat(splits).isEqualTo(1);
            assertThat(rds.spilledBlocks()).isGreaterThan(1);
        }
        return seen;
    }

    private static List<String> objectsUnder(String prefix)
    {
        List<S3Object> objects = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix + "/")).contents();
        assertThat(objects).isNotEmpty();
        return objects.stream().map(o -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(o.key())).asString(StandardCharsets.ISO_8859_1)).toList();
    }
}
