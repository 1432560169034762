package io.github.athenaddb.trino;

import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.devkit.Tables;
import io.trino.Session;
import io.trino.testing.MaterializedRow;
import io.trino.testing.StandaloneQueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source that spills: the DynamoDB connector with a spill bucket on moto_server's S3 and a
 * small inline limit answers ReadRecords with a RemoteReadRecordsResponse; the rows read back
 * from the encrypted blocks are exactly those of an unspilled read.
 */
class TrinoSpillTest
{
    private static final String TABLE = "SpillItems";
    private static final String BUCKET = "trino-spill";
    private static final int ITEMS = 3000;

    private static MotoServer moto;
    private static S3Client s3;
    private static StandaloneQueryRunner trino;

    @BeforeAll
    static void setUp()
    {
        moto = MotoServer.start();
        s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        s3.createBucket(b -> b.bucket(BUCKET));
        Dynalite dynalite = Dynalite.shared();
        Tables.create(dynalite.client(), Tables.table(TABLE, "PK", ScalarAttributeType.S).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(Map.of("PK", s("item-" + i), "N", n(Integer.toString(i)), "Note", s("needle-in-the-spill-" + i + "-" + "x".repeat(100))));
        }
        Tables.load(dynalite.client(), TABLE, items);

        Session session = testSessionBuilder().setCatalog("inline").setSchema("default").build();
        trino = new StandaloneQueryRunner(session);
        trino.installPlugin(new FederationPlugin());
        Map<String, String> inline = new HashMap<>(Map.of(
                "federation.handler", RecordingDdbHandler.class.getName(),
                "federation.config.dynamodb_endpoint", dynalite.endpoint().toString(),
                "federation.config.AWS_REGION", "us-east-1",
                "federation.config.athena_query_status_check", "false"));
        trino.createCatalog("inline", FederationConnectorFactory.NAME, inline);
        Map<String, String> spilled = new HashMap<>(inline);
        spilled.putAll(Map.of(
                "federation.config.spill_bucket", BUCKET,
                "federation.config.spill_prefix", "trino",
                "federation.config.s3_endpoint", moto.endpoint().toString(),
                // 16 KB inline: the split's ~400 KB of rows spill, in several blocks.
                "federation.max-inline-block-size", "16384",
                "federation.s3-endpoint", moto.endpoint().toString(),
                "federation.region", "us-east-1"));
        trino.createCatalog("spilled", FederationConnectorFactory.NAME, spilled);
    }

    @AfterAll
    static void tearDown()
    {
        if (trino != null) {
            trino.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (moto != null) {
            moto.stop();
        }
    }

    @Test
    void spilledRowsAreTheRowsOfAnUnspilledRead()
    {
        List<MaterializedRow> spilled = trino.execute("SELECT pk, n, note FROM spilled.default.spillitems").getMaterializedRows();
        List<MaterializedRow> inline = trino.execute("SELECT pk, n, note FROM inline.default.spillitems").getMaterializedRows();

        assertThat(inline).hasSize(ITEMS);
        assertThat(spilled).containsExactlyInAnyOrderElementsOf(inline);
        List<S3Object> objects = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("trino/")).contents();
        assertThat(objects).hasSizeGreaterThan(1);
        // Encrypted with the split's key: the rows' text is not in the objects, so it came back through decryption.
        assertThat(objects).allSatisfy(o -> assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(o.key())).asString(StandardCharsets.ISO_8859_1))
                .doesNotContain("needle-in-the-spill-"));
    }
}
