package io.github.athenaddb.ddb.exec;

import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.devkit.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/** A stream shard read through GetShardIterator and GetRecords, against moto_server (dynalite has no streams). */
class ShardReaderWireTest
{
    private static MotoServer moto;
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void setUp()
    {
        moto = MotoServer.start();
        dynamo = Tables.client(moto.endpoint(), "us-east-1");
        streams = DynamoDbStreamsClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void tearDown()
    {
        streams.close();
        dynamo.close();
        moto.stop();
    }

    @Test
    void readsEveryRecordOfAnOpenShardOverSeveralPagesAndEnds()
    {
        String arn = streamOf("Orders", StreamViewType.NEW_AND_OLD_IMAGES);
        dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", s("a"), "Total", n("1"))));
        dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", s("b"), "Total", n("2"))));
        dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", s("a"), "Total", n("3"))));
        dynamo.deleteItem(b -> b.tableName("Orders").key(Map.of("PK", s("b"))));
        dynamo.putItem(b -> b.tableName("Orders").item(Map.of("PK", s("c"), "Total", n("4"))));

        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        ReadStats stats = new ShardReader(() -> streams, 2).read(arn, shard(arn), Instant.now().plusSeconds(60), () -> true,
                RowBudget.unlimited(), rows::addAll);

        assertThat(rows).extracting(r -> r.get(ChangeRow.EVENT_NAME).s() + " " + r.get("PK").s())
                .containsExactly("INSERT a", "INSERT b", "MODIFY a", "REMOVE b", "INSERT c");
        assertThat(rows.get(2).get(ChangeRow.NEW_IMAGE).m()).isEqualTo(Map.of("PK", s("a"), "Total", n("3")));
        assertThat(rows.get(2).get(ChangeRow.OLD_IMAGE).m()).isEqualTo(Map.of("PK", s("a"), "Total", n("1")));
        assertThat(rows.get(3)).doesNotContainKey(ChangeRow.NEW_IMAGE);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get(ChangeRow.SHARD_ID).s()).isEqualTo(shard(arn));
            assertThat(r).containsKeys(ChangeRow.EVENT_ID, ChangeRow.EVENT_TIME, ChangeRow.SEQUENCE_NUMBER);
        });
        // GetShardIterator, three pages of at most two records, and the empty page that ends an open shard.
        assertThat(stats).isEqualTo(new ReadStats(5, 5, 0));
    }

    @Test
    void stopsAtTheRecordsWrittenAfterTheQueryStarted()
            throws InterruptedException
    {
        String arn = streamOf("Late", StreamViewType.KEYS_ONLY);
        dynamo.putItem(b -> b.tableName("Late").item(Map.of("PK", s("early"))));
        Thread.sleep(20);
        Instant started = Instant.now();
        Thread.sleep(20);
        dynamo.putItem(b -> b.tableName("Late").item(Map.of("PK", s("late"))));

        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        new ShardReader(() -> streams).read(arn, shard(arn), started, () -> true, RowBudget.unlimited(), rows::addAll);

        assertThat(rows).extracting(r -> r.get("PK").s()).containsExactly("early");
        assertThat(rows.get(0)).doesNotContainKeys(ChangeRow.NEW_IMAGE, ChangeRow.OLD_IMAGE);
    }

    private static String streamOf(String table, StreamViewType view)
    {
        dynamo.createTable(Tables.table(table, "PK", ScalarAttributeType.S)
                .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(view).build()).build());
        return dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    private static String shard(String arn)
    {
        return streams.describeStream(DescribeStreamRequest.builder().streamArn(arn).build()).streamDescription().shards().get(0).shardId();
    }
}
