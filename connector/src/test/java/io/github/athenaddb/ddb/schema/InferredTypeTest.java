package io.github.athenaddb.ddb.schema;

import io.github.athenaddb.ddb.schema.InferredType.Decimal;
import io.github.athenaddb.ddb.schema.InferredType.ListOf;
import io.github.athenaddb.ddb.schema.InferredType.Struct;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.github.athenaddb.ddb.schema.InferredType.BINARY;
import static io.github.athenaddb.ddb.schema.InferredType.BOOL;
import static io.github.athenaddb.ddb.schema.InferredType.INTEGRAL;
import static io.github.athenaddb.ddb.schema.InferredType.MIXED;
import static io.github.athenaddb.ddb.schema.InferredType.NULL;
import static io.github.athenaddb.ddb.schema.InferredType.TEXT;
import static io.github.athenaddb.ddb.schema.InferredType.union;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InferredTypeTest
{
    private static final List<InferredType> SAMPLES = List.of(
            NULL, TEXT, BINARY, BOOL, INTEGRAL, MIXED,
            new Decimal(3, 2), new Decimal(25, 0),
            new ListOf(NULL), new ListOf(TEXT), new ListOf(INTEGRAL), new ListOf(new Decimal(1, 4)),
            struct(), struct("a", TEXT), struct("a", INTEGRAL, "b", BOOL), struct("b", new ListOf(TEXT)));

    @Test
    void nullIsTheIdentity()
    {
        for (InferredType t : SAMPLES) {
            assertThat(union(NULL, t)).as("NULL ∪ %s", t).isEqualTo(t);
            assertThat(union(t, NULL)).as("%s ∪ NULL", t).isEqualTo(t);
        }
    }

    @Test
    void aTypeUnitedWithItselfIsUnchanged()
    {
        for (InferredType t : SAMPLES) {
            assertThat(union(t, t)).isEqualTo(t);
        }
    }

    @Test
    void unionIsCommutative()
    {
        for (InferredType a : SAMPLES) {
            for (InferredType b : SAMPLES) {
                assertThat(union(a, b)).as("%s ∪ %s", a, b).isEqualTo(union(b, a));
            }
        }
    }

    @Test
    void integralAndDecimalWidenToADecimalThatHoldsEveryLong()
    {
        assertThat(union(INTEGRAL, new Decimal(2, 3))).isEqualTo(new Decimal(19, 3));
        assertThat(union(new Decimal(25, 0), INTEGRAL)).isEqualTo(new Decimal(25, 0));
    }

    @Test
    void decimalsTakeTheLargestIntegerPartAndScale()
    {
        assertThat(union(new Decimal(5, 1), new Decimal(2, 4))).isEqualTo(new Decimal(5, 4));
    }

    @Test
    void differentScalarKindsAreMixed()
    {
        assertThat(union(TEXT, INTEGRAL)).isEqualTo(MIXED);
        assertThat(union(BOOL, TEXT)).isEqualTo(MIXED);
        assertThat(union(BINARY, TEXT)).isEqualTo(MIXED);
        assertThat(union(new Decimal(1, 1), BOOL)).isEqualTo(MIXED);
    }

    @Test
    void mixedAbsorbsEverythingButNull()
    {
        for (InferredType t : SAMPLES) {
            assertThat(union(MIXED, t)).isEqualTo(MIXED);
        }
    }

    @Test
    void listsUniteTheirElements()
    {
        assertThat(union(new ListOf(NULL), new ListOf(TEXT))).isEqualTo(new ListOf(TEXT));
        assertThat(union(new ListOf(INTEGRAL), new ListOf(new Decimal(1, 4)))).isEqualTo(new ListOf(new Decimal(19, 4)));
    }

    @Test
    void listsWhoseElementsDisagreeAreMixed()
    {
        assertThat(union(new ListOf(TEXT), new ListOf(BOOL))).isEqualTo(MIXED);
        assertThat(union(new ListOf(new ListOf(TEXT)), new ListOf(new ListOf(INTEGRAL)))).isEqualTo(MIXED);
    }

    @Test
    void structsMergeTheirFieldsByName()
    {
        InferredType merged = union(struct("a", TEXT, "c", NULL), struct("b", INTEGRAL, "a", NULL, "c", BOOL));
        assertThat(merged).isEqualTo(struct("a", TEXT, "b", INTEGRAL, "c", BOOL));
    }

    @Test
    void aStructFieldOfDifferentKindsBecomesMixedWithinTheStruct()
    {
        assertThat(union(struct("a", TEXT), struct("a", INTEGRAL))).isEqualTo(struct("a", MIXED));
    }

    @Test
    void listAndStructAreMixed()
    {
        assertThat(union(new ListOf(TEXT), struct("a", TEXT))).isEqualTo(MIXED);
        assertThat(union(TEXT, new ListOf(TEXT))).isEqualTo(MIXED);
    }

    @Test
    void structKeepsItsOwnCopyOfTheFields()
    {
        TreeMap<String, InferredType> source = new TreeMap<>(Map.of("b", TEXT, "a", BOOL));
        Struct struct = new Struct(source);
        source.put("c", INTEGRAL);

        assertThat(struct.fields().keySet()).containsExactly("a", "b");
    }

    @Test
    void listNeedsAnElementType()
    {
        assertThatThrownBy(() -> new ListOf(null)).isInstanceOf(NullPointerException.class);
    }

    static Struct struct(Object... nameTypePairs)
    {
        TreeMap<String, InferredType> fields = new TreeMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.put((String) nameTypePairs[i], (InferredType) nameTypePairs[i + 1]);
        }
        return new Struct(fields);
    }
}
