package io.github.athenaddb.ddb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScanSegmentsTest
{
    private static final long MIB = 1024L * 1024L;
    private static final long TARGET = 256 * MIB;

    @Test
    void emptyTableIsReadWithOneSegment()
    {
        assertThat(ScanSegments.forTable(0, TARGET, 64)).isEqualTo(1);
    }

    @Test
    void negativeSizeCountsAsEmpty()
    {
        assertThat(ScanSegments.forTable(-5, TARGET, 64)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} MiB -> {1} segments")
    @CsvSource({
            "1, 1",
            "256, 1",
            "257, 2",
            "512, 2",
            "10240, 40",
            "16384, 64"})
    void oneSegmentPerTargetSizeRoundedUp(long sizeMib, int expected)
    {
        assertThat(ScanSegments.forTable(sizeMib * MIB, TARGET, 64)).isEqualTo(expected);
    }

    @Test
    void oneByteOverTheTargetNeedsASecondSegment()
    {
        assertThat(ScanSegments.forTable(TARGET + 1, TARGET, 64)).isEqualTo(2);
    }

    @Test
    void largeTableIsCappedAtTheMaximum()
    {
        assertThat(ScanSegments.forTable(1024L * 1024 * MIB, TARGET, 64)).isEqualTo(64);
        assertThat(ScanSegments.forTable(1024L * 1024 * MIB, TARGET, 1)).isEqualTo(1);
    }

    @Test
    void smallTargetSplitsFiner()
    {
        assertThat(ScanSegments.forTable(10 * MIB, MIB, 1000)).isEqualTo(10);
    }
}
