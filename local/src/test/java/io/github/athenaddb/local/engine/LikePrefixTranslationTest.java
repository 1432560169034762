package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** LIKE 'prefix%' becomes the range of strings with that prefix; other patterns are left to the engine. */
class LikePrefixTranslationTest
{
    private static final RexBuilder REX = new RexBuilder(new JavaTypeFactoryImpl());
    private static final List<Field> FIELDS = List.of(new Field("sk", FieldType.nullable(ArrowType.Utf8.INSTANCE), null));

    private static ConstraintTranslator.Translation translate(BlockAllocator allocator, String pattern)
    {
        RexNode like = REX.makeCall(SqlStdOperatorTable.LIKE,
                REX.makeInputRef(REX.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), 0), REX.makeLiteral(pattern));
        return ConstraintTranslator.translate(allocator, FIELDS, List.of(like));
    }

    @Test
    void prefixPatternIsTheRangeOfStringsWithThatPrefix()
    {
        try (BlockAllocator allocator = new BlockAllocatorImpl()) {
            ValueSet set = translate(allocator, "ORDER#%").pushed().get("sk");
            assertThat(set.containsValue("ORDER#")).isTrue();
            assertThat(set.containsValue("ORDER#0001")).isTrue();
            assertThat(set.containsValue("ORDER$")).isFalse();
            assertThat(set.containsValue("ORDER")).isFalse();
            assertThat(set.containsValue("PROFILE")).isFalse();
            assertThat(set.isNullAllowed()).isFalse();
        }
    }

    @Test
    void otherPatternsAreNotPushed()
    {
        try (BlockAllocator allocator = new BlockAllocatorImpl()) {
            for (String pattern : List.of("%ORDER", "OR_ER%", "ORD%ER%", "%", "ORDER")) {
                ConstraintTranslator.Translation t = translate(allocator, pattern);
                assertThat(t.pushed()).as(pattern).isEmpty();
                assertThat(t.residual()).as(pattern).hasSize(1);
            }
        }
    }
}
