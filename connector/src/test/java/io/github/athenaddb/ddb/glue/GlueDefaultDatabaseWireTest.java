package io.github.athenaddb.ddb.glue;

import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.testing.LocalSettings;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Glue's own "default" database, marked as the official connector marks it: its DynamoDB tables
 * give the columns of schema "default" (a crawler often writes there); other tables of schema
 * "default" are still inferred.
 */
class GlueDefaultDatabaseWireTest
{
    private static MotoServer moto;
    private static LambdaWire wire;
    private static AthenaSequence athena;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        dynalite.client().createTable(table("DefaultEvents", "id", ScalarAttributeType.S).build());
        load(dynalite.client(), "DefaultEvents", List.of(Map.of("id", s("e1"), "CreatedMs", n("1791000000000"))));
        dynalite.client().createTable(table("DefaultPlain", "id", ScalarAttributeType.S).build());
        load(dynalite.client(), "DefaultPlain", List.of(Map.of("id", s("p1"), "CreatedMs", n("1791000000000"))));
        moto = MotoServer.start();
        try (GlueClient glue = moto.glue()) {
            glue.createDatabase(b -> b.databaseInput(DatabaseInput.builder().name("default").locationUri("dynamo-db-flag").build()));
            Map<String, String> crawler = Map.of("classification", "dynamodb");
            glue.createTable(b -> b.databaseName("default").tableInput(TableInput.builder().name("defaultevents").parameters(crawler)
                    .storageDescriptor(StorageDescriptor.builder().location("arn:aws:dynamodb:us-east-1:123456789012:table/DefaultEvents")
                            .parameters(crawler).columns(col("id", "string"), col("createdms", "timestamp")).build()).build()));
            glue.createTable(b -> b.databaseName("default").tableInput(TableInput.builder().name("defaultplain")
                    .parameters(Map.of("classification", "parquet"))
                    .storageDescriptor(StorageDescriptor.builder().location("s3://lake/plain/").columns(col("id", "string")).build()).build()));
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
    void aDynamoDbTableOfGluesDefaultDatabaseGivesTheColumnsOfSchemaDefault()
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable("default", "defaultevents").getSchema());
        assertThat(schema.getFields()).extracting(f -> f.getName() + " " + f.getType()).containsExactly("id Utf8", "createdms Date(MILLISECOND)");
        assertThat(athena.scan("defaultevents", schema, Map.of()))
                .containsExactly(Map.of("id", "e1", "createdms", LocalDateTime.of(2026, 10, 3, 4, 0)));
    }

    @Test
    void anotherKindOfTableThereLeavesTheDynamoDbTableInferred()
    {
        Schema schema = AthenaSequence.lowerCased(athena.getTable("default", "defaultplain").getSchema());
        assertThat(schema.getFields()).extracting(f -> f.getName() + " " + f.getType()).containsExactly("id Utf8", "createdms Int(64, true)");
    }

    private static Column col(String name, String type)
    {
        return Column.builder().name(name).type(type).build();
    }
}
