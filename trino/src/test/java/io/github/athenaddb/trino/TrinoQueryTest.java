package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsRequest;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.request.FederationRequest;
import com.amazonaws.athena.connector.lambda.serde.VersionedObjectMapperFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.devkit.Dynalite;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.StandaloneQueryRunner;
import io.trino.spi.type.SqlDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.l;
import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.m;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trino's engine, in-process, over the DynamoDB connector through the federation wire, against
 * dynalite: SQL as written for Athena, the rows it returns, and what reached the connector.
 */
class TrinoQueryTest
{
    private static final String TABLE = "Events";
    private static final int PARTITIONS = 60;

    private static StandaloneQueryRunner trino;
    private static BlockAllocator allocator;
    private static ObjectMapper wire;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        io.github.athenaddb.devkit.Tables.create(dynalite.client(), table(TABLE, "pk", ScalarAttributeType.S)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N))
                .build());
        load(dynalite.client(), TABLE, items());

        Session session = testSessionBuilder().setCatalog("ddb").setSchema("default").build();
        trino = new StandaloneQueryRunner(session);
        trino.installPlugin(new FederationPlugin());
        Map<String, String> catalog = Map.of(
                "federation.handler", RecordingDdbHandler.class.getName(),
                "federation.config.dynamodb_endpoint", dynalite.endpoint().toString(),
                "federation.config.AWS_REGION", "us-east-1",
                "federation.config.athena_query_status_check", "false");
        trino.createCatalog("ddb", FederationConnectorFactory.NAME, catalog);
        trino.createCatalog("lambda:ddb", FederationConnectorFactory.NAME, catalog);
        allocator = new BlockAllocatorImpl();
        wire = VersionedObjectMapperFactory.create(allocator);
    }

    @AfterAll
    static void tearDown()
    {
        if (trino != null) {
            trino.close();
        }
        if (allocator != null) {
            allocator.close();
        }
    }

    @BeforeEach
    void forgetRequests()
    {
        RecordingDdbHandler.clear();
    }

    /** Two items per partition p00..p59: sort keys 1 and 2. */
    private static List<Map<String, AttributeValue>> items()
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            for (int sk = 1; sk <= 2; sk++) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("pk", s(partition(p)));
                item.put("sk", n(Integer.toString(sk)));
                item.put("amount", n(p + "." + sk + "5"));
                item.put("active", AttributeValue.fromBool(p % 2 == 0));
                item.put("tags", l(s("t" + p), s("all")));
                item.put("info", m(Map.of("city", s("City " + p), "zip", n(Integer.toString(10000 + p)))));
                item.put("created", s(String.format("2026-01-%02d 10:30:00", 1 + p % 28)));
                item.put("epoch", n(Long.toString(1767225600L + p * 86400L)));
                item.put("payload", s("{\"a\":{\"b\":\"x" + p + "\"}}"));
                items.add(item);
            }
        }
        return items;
    }

    private static String partition(int p)
    {
        return String.format("p%02d", p);
    }

    @Test
    void showsSchemasTablesAndColumns()
    {
        assertThat(column("SHOW SCHEMAS FROM ddb")).contains("default");
        assertThat(column("SHOW TABLES FROM ddb.default")).contains("events");
        MaterializedResult describe = trino.execute("DESCRIBE events");
        Map<String, Object> types = describe.getMaterializedRows().stream()
                .collect(Collectors.toMap(r -> (String) r.getField(0), r -> r.getField(1)));
        assertThat(types).containsEntry("pk", "varchar").containsEntry("sk", "bigint").containsEntry("active", "boolean")
                .containsEntry("tags", "array(varchar)").containsEntry("info", "row(\"city\" varchar, \"zip\" bigint)");
        assertThat((String) types.get("amount")).startsWith("decimal(");
    }

    @Test
    void wherePartitionKeyReturnsItsRowsAndSendsThePredicateAsTheSummary()
    {
        MaterializedResult result = trino.execute("SELECT sk, amount, active, tags, info.city FROM events WHERE pk = 'p07' ORDER BY sk");

        assertThat(result.getMaterializedRows()).extracting(r -> r.getField(0)).containsExactly(1L, 2L);
        MaterializedRow first = result.getMaterializedRows().get(0);
        assertThat(((SqlDecimal) first.getField(1)).toBigDecimal().stripTrailingZeros()).isEqualTo(new BigDecimal("7.15"));
        assertThat(first.getField(2)).isEqualTo(false);
        assertThat(first.getField(3)).isEqualTo(List.of("t7", "all"));
        assertThat(first.getField(4)).isEqualTo("City 7");

        List<ReadRecordsRequest> reads = requests(ReadRecordsRequest.class);
        assertThat(reads).isNotEmpty().allSatisfy(read -> {
            ValueSet pk = read.getConstraints().getSummary().get("pk");
            assertThat(pk).isInstanceOf(SortedRangeSet.class);
            assertThat(pk.isSingleValue()).isTrue();
            assertThat(pk.getSingleValue()).hasToString("p07");
            assertThat(read.getSchema().getFields()).extracting(f -> f.getName())
                    .containsExactlyInAnyOrder("sk", "amount", "active", "tags", "info", "pk");
        });
    }

    @Test
    void splitsOnlyPlansTheSplitsAndSendsNoReadRecords()
    {
        Session splitsOnly = Session.builder(trino.getDefaultSession())
                .setCatalogSessionProperty("lambda:ddb", FederationSessionProperties.SPLITS_ONLY, "true")
                .build();

        MaterializedResult result = trino.execute(splitsOnly, "SELECT count(*) FROM \"lambda:ddb\".default.events WHERE pk IN ('p01', 'p02')");

        assertThat(result.getOnlyValue()).isEqualTo(0L);
        assertThat(requests(GetSplitsRequest.class)).isNotEmpty();
        assertThat(requests(ReadRecordsRequest.class)).isEmpty();
        assertThat(trino.execute("SELECT count(*) FROM \"lambda:ddb\".default.events WHERE pk IN ('p01', 'p02')").getOnlyValue()).isEqualTo(4L);
    }

    @Test
    void inListOfFiftyValuesArrivesAsOneValueSet()
    {
        String values = IntStream.range(0, 50).mapToObj(p -> "'" + partition(p) + "'").collect(Collectors.joining(", "));

        MaterializedResult result = trino.execute("SELECT count(*) FROM events WHERE pk IN (" + values + ")");

        assertThat(result.getOnlyValue()).isEqualTo(100L);
        List<ReadRecordsRequest> reads = requests(ReadRecordsRequest.class);
        assertThat(reads).isNotEmpty().allSatisfy(read -> {
            assertThat(read.getConstraints().getSummary()).containsOnlyKeys("pk");
            SortedRangeSet pk = (SortedRangeSet) read.getConstraints().getSummary().get("pk");
            assertThat(pk.getOrderedRanges()).hasSize(50).allMatch(Range::isSingleValue);
            assertThat(pk.isNullAllowed()).isFalse();
        });
    }

    @Test
    void limitIsSentBecauseTheConnectorDeclaresIt()
    {
        MaterializedResult result = trino.execute("SELECT pk, sk FROM events LIMIT 3");

        assertThat(result.getRowCount()).isEqualTo(3);
        List<ReadRecordsRequest> reads = requests(ReadRecordsRequest.class);
        assertThat(reads).isNotEmpty().allSatisfy(read -> assertThat(read.getConstraints().getLimit()).isEqualTo(3));
    }

    @Test
    void limitUnderAWhereStaysWithTrinoWhichKeepsTheFilter()
    {
        MaterializedResult result = trino.execute("SELECT pk, sk FROM events WHERE pk = 'p02' LIMIT 1");

        assertThat(result.getMaterializedRows()).singleElement().satisfies(r -> assertThat(r.getField(0)).isEqualTo("p02"));
        assertThat(requests(ReadRecordsRequest.class)).isNotEmpty().allSatisfy(read -> {
            assertThat(read.getConstraints().getLimit()).isEqualTo(Constraints.DEFAULT_NO_LIMIT);
            assertThat(read.getConstraints().getSummary()).containsOnlyKeys("pk");
        });
    }

    @Test
    void countStarReadsOneColumnAndNamesItsResultAsAthenaDoes()
    {
        MaterializedResult result = trino.execute("SELECT count(*) FROM events");

        assertThat(result.getOnlyValue()).isEqualTo((long) PARTITIONS * 2);
        assertThat(result.getColumnNames()).containsExactly("_col0");
        assertThat(requests(ReadRecordsRequest.class)).isNotEmpty().allSatisfy(read -> {
            assertThat(read.getConstraints().getLimit()).isEqualTo(Constraints.DEFAULT_NO_LIMIT);
            assertThat(read.getSchema().getFields()).hasSize(1);
        });
    }

    @Test
    void athenaFunctionsRunOnConnectorData()
    {
        MaterializedRow row = trino.execute("""
                SELECT CAST(date_parse(created, '%Y-%m-%d %H:%i:%s') AS varchar),
                       CAST(from_unixtime(epoch) AT TIME ZONE 'UTC' AS varchar),
                       element_at(tags, 1),
                       try_cast(pk AS integer),
                       json_extract_scalar(payload, '$.a.b')
                FROM events WHERE pk = 'p03' AND sk = 2""").getMaterializedRows().get(0);

        assertThat(row.getField(0)).isEqualTo("2026-01-04 10:30:00.000");
        assertThat(row.getField(1)).isEqualTo("2026-01-04 00:00:00.000 UTC");
        assertThat(row.getField(2)).isEqualTo("t3");
        assertThat(row.getField(3)).isNull();
        assertThat(row.getField(4)).isEqualTo("x3");
    }

    @Test
    void catalogNamedLikeAthenasLambdaCatalogWorks()
    {
        MaterializedResult result = trino.execute("SELECT count(*) FROM \"lambda:ddb\".\"default\".\"events\" WHERE pk = 'p01'");

        assertThat(result.getOnlyValue()).isEqualTo(2L);
        assertThat(requests(ReadRecordsRequest.class)).isNotEmpty()
                .allSatisfy(read -> assertThat(read.getCatalogName()).isEqualTo("lambda:ddb"));
    }

    private static List<Object> column(String sql)
    {
        return trino.execute(sql).getMaterializedRows().stream().map(r -> r.getField(0)).toList();
    }

    private static <T extends FederationRequest> List<T> requests(Class<T> type)
    {
        List<T> matching = new ArrayList<>();
        for (byte[] bytes : RecordingDdbHandler.received()) {
            try {
                FederationRequest request = wire.readValue(bytes, FederationRequest.class);
                if (type.isInstance(request)) {
                    matching.add(type.cast(request));
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return matching;
    }
}
