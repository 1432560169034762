package io.github.athenaddb.ddb;

import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.util.ArrayList;
import java.util.List;

/** ValueSets as Athena sends them. */
public final class IndexedTables
{
    private IndexedTables() {}

    public static ValueSet in(BlockAllocator allocator, ArrowType type, Object... values)
    {
        List<Range> ranges = new ArrayList<>();
        for (Object v : values) {
            ranges.add(Range.equal(allocator, type, v));
        }
        return SortedRangeSet.of(false, ranges.get(0), ranges.subList(1, ranges.size()));
    }

    static ValueSet of(boolean nullAllowed, Range first, Range... more)
    {
        return SortedRangeSet.of(nullAllowed, first, more);
    }
}
