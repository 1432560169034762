package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import io.github.athenaddb.ddb.schema.ArrowFieldMapper;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.testing.LocalSettings;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.List;
import java.util.Map;

import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

/** An inferred number column no DECIMAL(38) holds: no value changes magnitude, and GetTable says the column is lossy. */
class LossyNumbersWireTest
{
    private static final String TABLE = "BigNumbers";
    private static LambdaWire wire;
    private static AthenaSequence athena;

    @BeforeAll
    static void setUp()
    {
        Dynalite dynalite = Dynalite.shared();
        dynalite.client().createTable(table(TABLE, "Id", ScalarAttributeType.S).build());
        load(dynalite.client(), TABLE, List.of(
                Map.of("Id", s("wide"), "Bignum", n("12345678901234567890123456789012345678")),
                Map.of("Id", s("fraction"), "Bignum", n("123456789.123456789")),
                Map.of("Id", s("tiny"), "Bignum", n("1E-130")),
                Map.of("Id", s("negative"), "Bignum", n("-5"))));
        wire = LocalSettings.dynamo(dynalite.endpoint()).wire();
        athena = new AthenaSequence(wire);
    }

    @AfterAll
    static void tearDown()
    {
        wire.close();
    }

    @Test
    void getTableTypesTheColumnDoubleAndSaysWhy()
    {
        Field bignum = athena.getTable(TABLE.toLowerCase()).getSchema().findField("Bignum");
        assertThat(bignum.getType()).isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
        assertThat(bignum.getMetadata().get(ArrowFieldMapper.LOSSY_METADATA))
                .isEqualTo("DOUBLE, rounded to 17 significant digits: sampled numbers have up to 38 integer and 130 fractional digits,"
                        + " more than DECIMAL(38) holds together; a Glue column of type string reads them exactly");
    }

    @Test
    void everyValueKeepsItsMagnitudeAndPositiveValuesPassAGreaterThanZero()
    {
        Map<Object, Object> byId = new java.util.HashMap<>();
        athena.scan(TABLE.toLowerCase()).forEach(r -> byId.put(r.get("id"), r.get("bignum")));
        assertThat(byId).containsEntry("wide", 1.2345678901234568E37).containsEntry("fraction", 1.2345678912345679E8)
                .containsEntry("tiny", 1.0E-130).containsEntry("negative", -5.0);
        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
            ArrowType type = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            List<Map<String, Object>> positive = athena.scan(TABLE.toLowerCase(), Map.of("bignum",
                    SortedRangeSet.of(false, Range.greaterThan(allocator, type, 0.0))));
            assertThat(positive).extracting(r -> r.get("id")).containsExactlyInAnyOrder("wide", "fraction", "tiny");
        }
    }
}
