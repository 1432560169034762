package io.github.athenaddb.jdbc;

import io.github.athenaddb.devkit.EmbeddedPostgresDb;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.testing.Stderr;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PostgreSQL catalog served by the same Lambda as DynamoDB, through the wire: metadata from
 * the database's catalog, constraints as bound parameters, LIMIT and ORDER BY … LIMIT, and the
 * password taken from Secrets Manager (moto_server) without reaching a log line.
 */
class JdbcWireTest
{
    private static EmbeddedPostgresDb db;
    private static MotoServer moto;
    private static LambdaWire wire;
    private static AthenaSequence rds;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        db = EmbeddedPostgresDb.newDatabase();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA \"Shop\"");
            s.execute("CREATE TABLE \"Shop\".\"Customers\" (id integer PRIMARY KEY, \"Name\" text, gender text, birth_year integer, "
                    + "city text, created_at timestamp, balance numeric(10,2))");
            s.execute("INSERT INTO \"Shop\".\"Customers\" VALUES "
                    + "(1, 'Ada', 'f', 1985, 'Oslo', '2026-01-02 10:00:00', 12.50), "
                    + "(2, 'Bob', 'm', 1979, 'Rome', '2025-06-30 08:30:00', 0.00), "
                    + "(3, 'Zoë 😀', 'f', 1992, 'Oslo', '2026-03-01 00:00:00', 99999999.99), "
                    + "(4, 'ada', NULL, NULL, 'Paris', NULL, NULL), "
                    + "(5, 'Mia', 'f', 2001, 'Oslo', '2026-10-10 12:00:00', -3.25)");
        }
        moto = MotoServer.start();
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            secrets.createSecret(b -> b.name("shop-db").secretString("{\"username\":\"" + EmbeddedPostgresDb.USER + "\",\"password\":\""
                    + EmbeddedPostgresDb.PASSWORD + "\"}"));
        }
        Map<String, String> config = new HashMap<>(Map.of(
                ConnectorConfig.DYNAMODB_ENDPOINT, Dynalite.shared().endpoint().toString(),
                ConnectorConfig.REGION, "us-east-1",
                ConnectorConfig.QUERY_STATUS_CHECK, "false",
                "rds_connection_string", db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "${shop-db}",
                JdbcCatalogs.SECRETS_ENDPOINT, moto.endpoint().toString()));
        wire = new LambdaWire(new DdbCompositeHandler(config));
        rds = new AthenaSequence(wire, "rds");
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
        moto.stop();
    }

    @Test
    void metadataComesFromTheDatabaseWithLowerCasedNames()
    {
        assertThat(rds.listSchemas()).contains("shop", "public").doesNotContain("pg_catalog", "information_schema");
        assertThat(rds.listTables("shop")).containsExactly("customers");
        Schema schema = rds.getTable("shop", "customers").getSchema();
        assertThat(schema.getFields()).extracting(f -> f.getName() + " " + f.getType()).containsExactly(
                "id Int(32, true)", "name Utf8", "gender Utf8", "birth_year Int(32, true)", "city Utf8",
                "created_at Date(MILLISECOND)", "balance Decimal(10, 2, 128)");
        assertThatThrownBy(() -> rds.getTable("shop", "nothere")).hasMessageContaining("Table 'nothere' not found in schema 'shop'");
        assertThatThrownBy(() -> rds.getTable("nope", "customers")).hasMessageContaining("Schema 'nope' not found in catalog 'rds'");
    }

    @Test
    void constraintsSelectExactlyTheMatchingRows()
    {
        Schema schema = schema();
        ValueSet oslo = eq(schema, "city", "Oslo");
        ValueSet since1985 = SortedRangeSet.of(false, Range.greaterThanOrEqual(wire.allocator(), type(schema, "birth_year"), 1985));
        // A text range is not sent to the database (its collation is not Athena's order) but still applies.
        ValueSet fromM = SortedRangeSet.of(false, Range.greaterThan(wire.allocator(), type(schema, "name"), "M"));

        assertThat(ids(read(schema, Map.of("city", oslo, "birth_year", since1985), List.of(), -1))).containsExactlyInAnyOrder(1, 3, 5);
        assertThat(ids(read(schema, Map.of("name", fromM), List.of(), -1))).containsExactlyInAnyOrder(3, 4, 5);
        Map<String, Object> ada = read(schema, Map.of("id", eq(schema, "id", 1)), List.of(), -1).get(0);
        assertThat(ada).containsEntry("name", "Ada").containsEntry("balance", new BigDecimal("12.50"))
                .containsEntry("created_at", java.time.LocalDateTime.parse("2026-01-02T10:00:00"));
    }

    @Test
    void hostileValuesAreOnlyBoundParameters()
            throws Exception
    {
        Schema schema = schema();
        assertThat(read(schema, Map.of("name", eq(schema, "name", "x'; DROP TABLE \"Shop\".\"Customers\"; --")), List.of(), -1)).isEmpty();
        assertThat(read(schema, Map.of(), List.of(), -1)).hasSize(5);
    }

    @Test
    void limitAndTopNOnANumericColumn()
    {
        Schema schema = schema();
        List<Map<String, Object>> two = read(schema, Map.of(), List.of(), 2);
        assertThat(two).hasSize(2);

        List<Map<String, Object>> youngest = read(schema, Map.of(), List.of(new OrderByField("birth_year", OrderByField.Direction.DESC_NULLS_LAST)), 2);
        assertThat(ids(youngest)).containsExactly(5, 3);

        // Text order is the database's collation, not Athena's: every row is returned and Athena sorts.
        List<Map<String, Object>> byName = read(schema, Map.of(), List.of(new OrderByField("name", OrderByField.Direction.ASC_NULLS_LAST)), 2);
        assertThat(byName).hasSize(5);
    }

    @Test
    void noSecretReachesTheLog()
    {
        String log = Stderr.of(() -> {
            read(schema(), Map.of(), List.of(), -1);
            rds.listTables("shop");
        });
        assertThat(log).doesNotContain(EmbeddedPostgresDb.PASSWORD);
    }

    /** The table's schema as Athena may send it back: lower-cased, without the fields' own metadata. */
    private static Schema schema()
    {
        Schema schema = AthenaSequence.lowerCased(rds.getTable("shop", "customers").getSchema());
        return new Schema(schema.getFields().stream().map(f -> new org.apache.arrow.vector.types.pojo.Field(f.getName(),
                new org.apache.arrow.vector.types.pojo.FieldType(true, f.getType(), null), f.getChildren())).toList(), schema.getCustomMetadata());
    }

    private static org.apache.arrow.vector.types.pojo.ArrowType type(Schema schema, String column)
    {
        return schema.findField(column).getType();
    }

    private static ValueSet eq(Schema schema, String column, Object value)
    {
        return SortedRangeSet.of(false, Range.equal(wire.allocator(), type(schema, column), value));
    }

    private static List<Map<String, Object>> read(Schema schema, Map<String, ValueSet> summary, List<OrderByField> orderBy, long limit)
    {
        List<Map<String, Object>> rows = new ArrayList<>();
        rds.read("shop", "customers", schema, new Constraints(summary, List.of(), orderBy, limit, Map.of(), null), 1,
                block -> rows.addAll(AthenaSequence.rows(block)));
        return rows;
    }

    private static List<Object> ids(List<Map<String, Object>> rows)
    {
        return rows.stream().map(r -> r.get("id")).toList();
    }
}
