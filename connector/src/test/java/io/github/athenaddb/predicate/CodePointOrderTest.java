package io.github.athenaddb.predicate;

import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CodePointOrderTest
{
    private static final String[] ALPHABET = {"a", "z", "~", "é", "\u07FF", "\u0800", "\uD7FF", "\uE000", "Ａ", "ｚ", "\uFFFD", "\uFFFF",
            "😀", "\uD800\uDC00", "\uDBFF\uDFFF", "\u0000"};

    @Test
    void ordersAsUtf8BytesDo()
    {
        Random random = new Random(20261206);
        for (int i = 0; i < 200_000; i++) {
            String a = text(random);
            String b = text(random);
            int bytes = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
            assertThat(Integer.signum(CodePointOrder.compare(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.signum(bytes));
        }
    }

    @Test
    void aRowCheckKeepsWhatAthenaKeepsWhereUtf16DisagreesWithCodePoints()
    {
        try (BlockAllocatorImpl allocator = new BlockAllocatorImpl()) {
            ArrowType text = ArrowType.Utf8.INSTANCE;
            SortedRangeSet fromFffd = SortedRangeSet.of(false, Range.greaterThanOrEqual(allocator, text, "\uFFFD"));
            // String.compareTo puts U+1F600 (a surrogate pair) below U+FFFD; Athena puts it above.
            assertThat(RowChecks.contains(fromFffd, "😀")).isTrue();
            assertThat(RowChecks.contains(fromFffd, "\uFFFD")).isTrue();
            assertThat(RowChecks.contains(fromFffd, "z")).isFalse();
            assertThat(RowChecks.contains(fromFffd, null)).isFalse();
            SortedRangeSet belowFullwidthZ = SortedRangeSet.of(true, Range.lessThan(allocator, text, "Ｚ"));
            assertThat(RowChecks.contains(belowFullwidthZ, "Ａ")).isTrue();
            assertThat(RowChecks.contains(belowFullwidthZ, "😀")).isFalse();
            assertThat(RowChecks.contains(belowFullwidthZ, null)).isTrue();
            SortedRangeSet between = SortedRangeSet.of(false, Range.range(allocator, text, "G9", true, "😀b", false));
            assertThat(RowChecks.contains(between, "😀")).isTrue();
            assertThat(RowChecks.contains(between, "😀b")).isFalse();
            assertThat(RowChecks.contains(between, "\uE000")).isTrue();
        }
    }

    private static String text(Random random)
    {
        StringBuilder out = new StringBuilder();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }
}
