package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.testing.LambdaErrorPayload;
import io.github.athenaddb.testing.LocalSettings;
import io.github.athenaddb.testing.RecordedRead;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.create;
import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * DynamoDB names that differ only by case, which Athena's lower-cased names cannot tell apart:
 * the tables {@code Mixed} and {@code mixed}, and {@code Twin} and {@code TWIN} (neither spelled in
 * lower case). An exact spelling reaches its table; a name that matches several only ignoring case
 * is a one-line error naming them and the Glue property that picks one. The attributes {@code Dup}
 * and {@code dup} of one table: only a query that reads, filters or sorts on their column fails,
 * and a Glue columnMapping gives each a column of its own.
 */
class CaseTwinsWireTest
{
    private static final String ATTRIBUTES = "CaseAttrs";
    private static final String CLASH = "Column 'dup' of table 'CaseAttrs' is ambiguous: DynamoDB attributes 'Dup' and 'dup' differ only by "
            + "case, and Athena lower-cases column names. To read them, give each a column of its own with the Glue table property "
            + "columnMapping, e.g. 'dup_2=Dup' (athena-local: in the --definitions file), or rename one in DynamoDB.";
    private static MotoServer moto;
    private static LambdaWire wire;
    private static AthenaSequence athena;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        DynamoDbClient dynamo = dynalite.client();
        for (String name : List.of("Mixed", "mixed", "Twin", "TWIN")) {
            create(dynamo, table(name, "Id", ScalarAttributeType.S).build());
            load(dynamo, name, List.of(Map.of("Id", s("from " + name))));
        }
        create(dynamo, table(ATTRIBUTES, "Id", ScalarAttributeType.S).build());
        load(dynamo, ATTRIBUTES, List.of(
                Map.of("Id", s("a"), "Dup", s("A upper"), "dup", s("a lower"), "Other", s("x")),
                Map.of("Id", s("b"), "dup", s("b lower"), "Other", s("y")),
                Map.of("Id", s("c"), "Dup", s("C upper"), "Other", s("z"))));

        moto = MotoServer.start();
        try (GlueClient glue = moto.glue()) {
            glue.createDatabase(b -> b.databaseInput(DatabaseInput.builder().name("twins").parameters(Map.of("athena_ddb", "true")).build()));
            glueTable(glue, "mixed_upper", Map.of("sourceTable", "Mixed"));
            glueTable(glue, "mixed_lower", Map.of("sourceTable", "mixed"));
            glueTable(glue, "twin_upper", Map.of("sourceTable", "TWIN"));
            glueTable(glue, "twin", Map.of());
            glueTable(glue, "mapped", Map.of("sourceTable", ATTRIBUTES, "columnMapping", "dup_2=Dup"));
            glueTable(glue, "declared", Map.of("sourceTable", ATTRIBUTES, "columnMapping", "dup_upper=Dup"),
                    col("id"), col("dup"), col("dup_upper"), col("other"));
            glueTable(glue, "declared_unmapped", Map.of("sourceTable", ATTRIBUTES), col("id"), col("dup"), col("other"));
        }
        wire = LocalSettings.dynamo(dynalite.endpoint()).glue(moto.endpoint()).wire();
        athena = new AthenaSequence(wire);
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
        moto.stop();
    }

    @Test
    void aGlueSourceTableReachesTheTableItSpellsExactly()
    {
        assertThat(ids("twins", "mixed_upper")).containsExactly("from Mixed");
        assertThat(ids("twins", "mixed_lower")).containsExactly("from mixed");
        assertThat(ids("twins", "twin_upper")).containsExactly("from TWIN");
    }

    @Test
    void aLowerCasedNameReachesTheTableSpelledThatWay()
    {
        assertThat(ids("default", "mixed")).containsExactly("from mixed");
    }

    @Test
    void aNameMatchingSeveralTablesOnlyIgnoringCaseNamesThemAndHowToPickOne()
    {
        String message = errorMessage(() -> athena.getTable("default", "twin"));

        assertThat(message).isEqualTo("Table 'twin' is ambiguous: DynamoDB tables 'TWIN' and 'Twin' differ only by case, none is spelled "
                + "'twin', and Athena lower-cases table names. To read one, define a table in a Glue database marked for the connector "
                + "with the table property sourceTable set to its exact name, e.g. sourceTable=TWIN (athena-local: in the --definitions file).");
    }

    @Test
    void aGlueTableWhoseNameMatchesSeveralTablesSaysSoRatherThanNotFound()
    {
        String message = errorMessage(() -> athena.getTable("twins", "twin"));

        assertThat(message).isEqualTo("Glue database 'twins', table 'twin': its DynamoDB table 'twin' is ambiguous: tables 'TWIN' and 'Twin' "
                + "differ only by case and none is spelled 'twin'. Set the table property sourceTable to the exact name of one, "
                + "e.g. sourceTable=TWIN.");
    }

    @Test
    void attributesDifferingOnlyByCaseAreOneColumnAndTheTableStillReads()
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable("default", "caseattrs").getSchema());
        assertThat(schema.getFields()).extracting(f -> f.getName() + " " + f.getType()).containsExactly("id Utf8", "dup Utf8", "other Utf8");

        assertThat(read("default", "caseattrs", columns(schema, "other"), RecordedRead.summary(Map.of())))
                .extracting(r -> r.get("other")).containsExactlyInAnyOrder("x", "y", "z");
        // count(*): the query needs no column, and the request names one all the same (here the first, a key).
        assertThat(read("default", "caseattrs", columns(schema, "id"), RecordedRead.summary(Map.of()))).hasSize(3);
    }

    @Test
    void onlyAQueryThatReadsFiltersOrSortsOnTheClashFails()
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable("default", "caseattrs").getSchema());
        ValueSet aLower = IndexedTables.in(wire.allocator(), schema.findField("dup").getType(), "a lower");

        assertThat(errorMessage(() -> read("default", "caseattrs", columns(schema, "id", "dup"), RecordedRead.summary(Map.of()))))
                .isEqualTo(CLASH);
        assertThat(errorMessage(() -> read("default", "caseattrs", columns(schema, "other"), RecordedRead.summary(Map.of("dup", aLower)))))
                .isEqualTo(CLASH);
        Constraints orderByDup = new Constraints(Map.of(), List.of(), List.of(new OrderByField("dup", OrderByField.Direction.ASC_NULLS_LAST)),
                1, Map.of(), null);
        assertThat(errorMessage(() -> read("default", "caseattrs", columns(schema, "other"), orderByDup))).isEqualTo(CLASH);
    }

    @Test
    void aColumnMappingGivesEachAttributeAColumn()
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable("twins", "mapped").getSchema());
        assertThat(schema.getFields()).extracting(Field::getName).containsExactly("id", "dup_2", "dup", "other");

        assertThat(read("twins", "mapped", schema, RecordedRead.summary(Map.of())))
                .extracting(r -> r.get("id") + ": " + r.get("dup_2") + ", " + r.get("dup"))
                .containsExactlyInAnyOrder("a: A upper, a lower", "b: null, b lower", "c: C upper, null");
    }

    @Test
    void declaredColumnsReadTheAttributeTheirMappingNamesAndFailOnlyOnAnUnmappedClash()
    {
        Schema declared = AthenaSequence.lowerCased(athena.getTable("twins", "declared").getSchema());
        assertThat(read("twins", "declared", declared, RecordedRead.summary(Map.of())))
                .extracting(r -> r.get("id") + ": " + r.get("dup_upper") + ", " + r.get("dup"))
                .containsExactlyInAnyOrder("a: A upper, a lower", "b: null, b lower", "c: C upper, null");

        Schema unmapped = AthenaSequence.lowerCased(athena.getTable("twins", "declared_unmapped").getSchema());
        assertThat(read("twins", "declared_unmapped", columns(unmapped, "other"), RecordedRead.summary(Map.of()))).hasSize(3);
        assertThat(errorMessage(() -> read("twins", "declared_unmapped", unmapped, RecordedRead.summary(Map.of())))).isEqualTo(CLASH);
    }

    /** The message Athena shows: one line, no stack trace. */
    private static String errorMessage(Runnable call)
    {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(ConnectorException.class);
        assertThat(LambdaErrorPayload.of(thrown)).contains("\"stackTrace\":[]");
        assertThat(thrown.getMessage()).doesNotContain("\n");
        return thrown.getMessage();
    }

    private static List<Object> ids(String schema, String table)
    {
        Schema columns = AthenaSequence.lowerCased(athena.getTable(schema, table).getSchema());
        return read(schema, table, columns, RecordedRead.summary(Map.of())).stream().map(r -> r.get("id")).toList();
    }

    private static List<Map<String, Object>> read(String schema, String table, Schema columns, Constraints constraints)
    {
        return RecordedRead.of(athena, schema, table, columns, constraints).rows();
    }

    /** The projection Athena sends in ReadRecords: the columns the query uses, with the table's metadata. */
    private static Schema columns(Schema table, String... names)
    {
        return new Schema(Arrays.stream(names).map(table::findField).toList(), table.getCustomMetadata());
    }

    private static Column col(String name)
    {
        return Column.builder().name(name).type("string").build();
    }

    private static void glueTable(GlueClient glue, String name, Map<String, String> parameters, Column... columns)
    {
        glue.createTable(b -> b.databaseName("twins").tableInput(TableInput.builder().name(name).parameters(parameters)
                .storageDescriptor(StorageDescriptor.builder().columns(columns).build()).build()));
    }
}
