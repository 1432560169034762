package io.github.athenaddb.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --compare}: each figure with its change since the previous run, in the text table and the HTML charts. */
class BenchCompareTest
{
    private static final BenchResults.Stat WALL = new BenchResults.Stat(3000, 2900, 3100);

    @Test
    void percentagesAreSignedAndSayWhenThereIsNothingToCompare()
    {
        assertThat(BenchDelta.percent(110.0, 100.0)).isEqualTo("+10.0%");
        assertThat(BenchDelta.percent(60.0, 100.0)).isEqualTo("-40.0%");
        assertThat(BenchDelta.percent(100.0, 100.0)).isEqualTo("±0%");
        assertThat(BenchDelta.percent(5.0, null)).isEqualTo("new");
        assertThat(BenchDelta.percent(null, 5.0)).isEmpty();
        assertThat(BenchDelta.annotate("1,100", 1100.0, 1000.0, true)).isEqualTo("1,100 (+10.0%)");
        assertThat(BenchDelta.annotate("1,100", 1100.0, 1000.0, false)).isEqualTo("1,100");
    }

    @Test
    void theTextTableShowsEachFigureWithItsChange()
    {
        BenchResults previous = results("2026-01-01T00:00:00Z", scenario("full-read-100k", 30000.0, 1.25, 400L << 20), cold(2000));
        BenchResults current = results("2026-01-02T00:00:00Z", scenario("full-read-100k", 33000.0, 1.0, 300L << 20), cold(1500));
        String text = print(current, Optional.of(previous));
        assertThat(text)
                .contains("compared with 2026-01-01T00:00:00Z (commit abc123)")
                .contains("33,000 (+10.0%)")
                .contains("1.00 (-20.0%)")
                .contains("300 (-25.0%)")
                .contains("first GetTable 1,500 ms (1,500-1,500) (-25.0%)");
        assertThat(print(current, Optional.empty())).contains("33,000").doesNotContain("+10.0%").doesNotContain("compared with");
    }

    @Test
    void aScenarioTheOtherRunDidNotHaveIsNewAndTheChartsPairTheBars()
    {
        BenchResults previous = results("2026-01-01T00:00:00Z", scenario("full-read-100k", 30000.0, 1.0, 1L << 20));
        BenchResults current = results("2026-01-02T00:00:00Z", scenario("full-read-100k", 15000.0, 1.0, 1L << 20),
                scenario("point-lookup", 200.0, 1.0, 1L << 20));
        assertThat(print(current, Optional.of(previous))).contains("15,000 (-50.0%)").contains("200 (new)");
        String html = HtmlReport.render(current, Optional.of(previous));
        assertThat(html.split("<svg", -1)).hasSize(HtmlReport.CHARTS.size() + 1);
        // full-read: a previous bar and a current bar; point-lookup: no previous bar.
        assertThat(html).contains("15,000 -50.0%").contains("none").contains("previous 2026-01-01T00:00:00Z");
        assertThat(html.split("#a0aec0\"/>", -1).length - 1).isEqualTo(3);
    }

    @Test
    void aRunWithOtherSettingsIsFlaggedAsNotComparable()
    {
        BenchResults previous = new BenchResults("2026-01-01T00:00:00Z", Map.of(), "abc123", Map.of("runs", 1, "smoke", true), List.of());
        BenchResults current = new BenchResults("2026-01-02T00:00:00Z", Map.of(), "def456", Map.of("runs", 3, "smoke", false), List.of());
        assertThat(BenchReport.header(current, Optional.of(previous))).contains("WHICH RAN WITH OTHER SETTINGS");
        assertThat(BenchReport.header(previous, Optional.of(previous))).doesNotContain("OTHER SETTINGS");
    }

    private static String print(BenchResults current, Optional<BenchResults> previous)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchReport.print(current, previous, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static BenchResults results(String timestamp, BenchResults.Scenario... scenarios)
    {
        return new BenchResults(timestamp, Map.of("cores", 2, "maxHeapMiB", 4096, "javaVersion", "17", "os", "Linux"), "abc123",
                Map.of(), List.of(scenarios));
    }

    private static BenchResults.Scenario scenario(String name, double rowsPerSecond, double ratio, long heap)
    {
        return new BenchResults.Scenario(name, "", null, 100_000L, WALL, rowsPerSecond, Map.of("Scan", 3L), 1600 * ratio, 1600.0, ratio,
                heap, null);
    }

    private static BenchResults.Scenario cold(double getTableMs)
    {
        BenchResults.Stat stat = new BenchResults.Stat(getTableMs, getTableMs, getTableMs);
        return new BenchResults.Scenario("cold-start", "", null, 100L, stat, null, null, null, null, null, null,
                new BenchResults.ColdStart(5, stat, stat, stat, 57.5));
    }
}
