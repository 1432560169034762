package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.ResultOutput;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plain-text report on stdout: one line per scenario, and with {@code --compare} each figure
 * followed by its change since that run. Formatting lives here so the HTML report shows the
 * same cells.
 */
final class BenchReport
{
    static final List<String> COLUMNS = List.of("scenario", "rows", "rows/s", "wall ms (min-max)", "requests", "RCU", "lower bound",
            "RCU ratio", "peak heap MiB");

    private BenchReport() {}

    static void print(BenchResults current, Optional<BenchResults> previous, PrintStream out)
    {
        out.println(header(current, previous));
        ResultOutput table = ResultFormat.TABLE.output(out);
        table.begin(COLUMNS, Collections.nCopies(COLUMNS.size(), "varchar"));
        rows(current, previous).forEach(row -> table.row(COLUMNS.stream().map(row::get).toList()));
        table.end();
        for (BenchResults.Scenario s : current.scenarios()) {
            if (s.skipped() != null) {
                out.println(s.name() + ": skipped, " + s.skipped());
            }
            else if (s.coldStart() != null) {
                out.println(coldStart(s.coldStart(), previous.flatMap(p -> p.scenario(s.name())).map(BenchResults.Scenario::coldStart),
                        previous.isPresent()));
            }
        }
    }

    static String header(BenchResults current, Optional<BenchResults> previous)
    {
        Map<String, Object> m = current.machine();
        return String.format(Locale.ROOT, "bench %s, commit %s: %s cores, max heap %s MiB, Java %s, %s%s", current.timestamp(),
                current.gitCommit() == null ? "unknown" : current.gitCommit(), m.get("cores"), m.get("maxHeapMiB"), m.get("javaVersion"),
                m.get("os"), previous.map(p -> "; compared with " + p.timestamp() + " (commit " + p.gitCommit() + ")"
                        + (p.settings().equals(current.settings()) ? "" : ", WHICH RAN WITH OTHER SETTINGS " + p.settings())).orElse(""));
    }

    /** The table's cells, scenario by scenario (skipped and cold-start scenarios have their own lines). */
    static List<Map<String, Object>> rows(BenchResults current, Optional<BenchResults> previous)
    {
        boolean comparing = previous.isPresent();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BenchResults.Scenario s : current.scenarios()) {
            if (s.skipped() != null || s.coldStart() != null) {
                continue;
            }
            BenchResults.Scenario p = previous.flatMap(r -> r.scenario(s.name())).orElse(null);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", s.name());
            row.put("rows", String.format(Locale.ROOT, "%,d", s.rows()));
            row.put("rows/s", BenchDelta.annotate(String.format(Locale.ROOT, "%,.0f", s.rowsPerSecond()), s.rowsPerSecond(),
                    p == null ? null : p.rowsPerSecond(), comparing));
            row.put("wall ms (min-max)", BenchDelta.annotate(String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f)", s.wallMs().median(),
                    s.wallMs().min(), s.wallMs().max()), s.wallMs().median(), p == null || p.wallMs() == null ? null : p.wallMs().median(), comparing));
            row.put("requests", requests(s.requests()));
            row.put("RCU", BenchDelta.annotate(number(s.rcu()), s.rcu(), p == null ? null : p.rcu(), comparing));
            row.put("lower bound", number(s.rcuLowerBound()));
            row.put("RCU ratio", BenchDelta.annotate(s.rcuRatio() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.rcuRatio()),
                    s.rcuRatio(), p == null ? null : p.rcuRatio(), comparing));
            Double heap = mib(s.peakHeapBytes());
            row.put("peak heap MiB", BenchDelta.annotate(String.format(Locale.ROOT, "%,.0f", heap), heap,
                    p == null ? null : mib(p.peakHeapBytes()), comparing));
            rows.add(row);
        }
        return rows;
    }

    static String coldStart(BenchResults.ColdStart c, Optional<BenchResults.ColdStart> previous, boolean comparing)
    {
        BenchResults.ColdStart p = previous.orElse(null);
        return String.format(Locale.ROOT, "cold-start (median of %d fresh JVMs, from JVM start): handler ready %s, first GetTable %s, "
                        + "first ReadRecords %s; shaded jar %s", c.runs(),
                ms(c.handlerReadyMs(), p == null ? null : p.handlerReadyMs(), comparing),
                ms(c.firstGetTableMs(), p == null ? null : p.firstGetTableMs(), comparing),
                ms(c.firstReadRecordsMs(), p == null ? null : p.firstReadRecordsMs(), comparing),
                BenchDelta.annotate(String.format(Locale.ROOT, "%.1f MiB", c.jarMiB()), c.jarMiB(), p == null ? null : p.jarMiB(), comparing));
    }

    private static String ms(BenchResults.Stat stat, BenchResults.Stat previous, boolean comparing)
    {
        String text = String.format(Locale.ROOT, "%,.0f ms (%,.0f-%,.0f)", stat.median(), stat.min(), stat.max());
        return BenchDelta.annotate(text, stat.median(), previous == null ? null : previous.median(), comparing);
    }

    static String requests(Map<String, Long> requests)
    {
        if (requests == null || requests.isEmpty()) {
            return "-";
        }
        return requests.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static Double mib(Long bytes)
    {
        return bytes == null ? null : bytes / (1024.0 * 1024.0);
    }

    private static String number(Double value)
    {
        return value == null ? "-" : String.format(Locale.ROOT, "%,.1f", value);
    }
}
