package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.exceptions.AthenaConnectorException;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.testing.LocalSettings;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A value that does not fit its declared column: NULL with a warning by default, a failed query with type_mismatch=fail. */
class TypeMismatchWireTest
{
    private static final String TABLE = "Mismatch";
    @TempDir
    static Path dir;
    private static Path definitions;

    @BeforeAll
    static void setUp()
            throws IOException
    {
        Dynalite dynalite = Dynalite.shared();
        dynalite.client().createTable(table(TABLE, "Id", ScalarAttributeType.S).build());
        load(dynalite.client(), TABLE, List.of(Map.of("Id", s("a"), "Qty", n("3")), Map.of("Id", s("b"), "Qty", s("three"))));
        definitions = Files.writeString(dir.resolve("tables.json"), """
                {"Databases": [{"Name": "typed", "Tables": [{"Name": "mismatch",
                  "StorageDescriptor": {"Columns": [{"Name": "id", "Type": "string"}, {"Name": "qty", "Type": "int"}]}}]}]}
                """);
    }

    private static List<Map<String, Object>> read(String mismatch)
    {
        LocalSettings settings = LocalSettings.dynamo(Dynalite.shared().endpoint()).with(GlueConfig.GLUE_DEFINITIONS_FILE, definitions.toString());
        if (mismatch != null) {
            settings.with(DdbRecordHandler.TYPE_MISMATCH, mismatch);
        }
        try (LambdaWire wire = settings.wire()) {
            AthenaSequence athena = new AthenaSequence(wire);
            Schema schema = AthenaSequence.lowerCased(athena.getTable("typed", "mismatch").getSchema());
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            athena.read("typed", "mismatch", schema, new com.amazonaws.athena.connector.lambda.domain.predicate.Constraints(Map.of(), List.of(),
                    List.of(), -1, Map.of(), null), 1, block -> rows.addAll(AthenaSequence.rows(block)));
            return rows;
        }
    }

    @Test
    void byDefaultAMisfitReadsNull()
    {
        assertThat(read(null)).containsExactlyInAnyOrder(Map.of("id", "a", "qty", 3), new HashMap<>(Map.of("id", "b")) {{ put("qty", null); }});
    }

    @Test
    void failStopsTheQueryNamingTheItemAndAttribute()
    {
        assertThatThrownBy(() -> read("fail")).hasMessageContaining("Table Mismatch, item {Id=b}, attribute Qty")
                // The data does not fit, the query is fine: not the user's input (athena-local exits 1, not 2).
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidResponseException"));
        assertThatThrownBy(() -> read("maybe")).hasMessageContaining("type_mismatch='maybe': expected null or fail");
    }

    private static String errorCode(Throwable e)
    {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AthenaConnectorException connector && connector.getErrorDetails() != null) {
                return connector.getErrorDetails().errorCode();
            }
        }
        return null;
    }
}
