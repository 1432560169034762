package io.github.athenaddb.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A self-contained HTML page of a bench run (no scripts, styles or fonts from elsewhere, so it
 * opens anywhere, attached to an issue or offline): the machine, the figures table, and one
 * inline SVG bar chart per metric. With {@code --compare}, each bar of this run has the previous
 * run's bar beside it.
 */
final class HtmlReport
{
    /** The charts, in page order; each is one {@code <svg>}. */
    static final List<String> CHARTS = List.of("Rows per second (higher is better)",
            "RCU ratio: consumed / lower bound (1 is the least any plan can read)", "Peak heap, MiB (lower is better)",
            "Cold start, ms from JVM start (lower is better)");
    private static final String CURRENT = "#2b6cb0";
    private static final String PREVIOUS = "#a0aec0";
    private static final int LABEL = 230;
    private static final int BARS = 420;
    private static final int BAR = 16;

    private HtmlReport() {}

    /** A bar: its label, this run's value and the previous run's (null: none). */
    record Bar(String label, Double current, Double previous) {}

    static String render(BenchResults current, Optional<BenchResults> previous)
    {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>athena-local bench ")
                .append(escape(current.timestamp())).append("</title>\n<style>body{font-family:sans-serif;margin:2em;color:#1a202c}"
                        + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #cbd5e0;padding:3px 6px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}h2{font-size:16px;margin-top:2em}</style></head><body>\n");
        html.append("<h1>athena-local bench</h1>\n<p>").append(escape(BenchReport.header(current, previous))).append("</p>\n");
        if (previous.isPresent()) {
            // Legend swatches are spans, not SVG: the page has exactly one <svg> per chart.
            html.append("<p>").append(swatch(PREVIOUS)).append(" previous ").append(escape(previous.get().timestamp()))
                    .append(" &nbsp; ").append(swatch(CURRENT)).append(" this run</p>\n");
        }
        table(html, BenchReport.rows(current, previous));
        for (BenchResults.Scenario s : current.scenarios()) {
            if (s.skipped() != null) {
                html.append("<p>").append(escape(s.name() + ": skipped, " + s.skipped())).append("</p>\n");
            }
            else if (s.coldStart() != null) {
                html.append("<p>").append(escape(BenchReport.coldStart(s.coldStart(),
                        previous.flatMap(p -> p.scenario(s.name())).map(BenchResults.Scenario::coldStart), previous.isPresent()))).append("</p>\n");
            }
        }
        List<List<Bar>> charts = List.of(
                bars(current, previous, BenchResults.Scenario::rowsPerSecond),
                bars(current, previous, BenchResults.Scenario::rcuRatio),
                bars(current, previous, s -> BenchReport.mib(s.peakHeapBytes())),
                coldStartBars(current, previous));
        for (int i = 0; i < CHARTS.size(); i++) {
            html.append("<h2>").append(escape(CHARTS.get(i))).append("</h2>\n").append(chart(charts.get(i), previous.isPresent()));
        }
        return html.append("</body></html>\n").toString();
    }

    private static List<Bar> bars(BenchResults current, Optional<BenchResults> previous, Function<BenchResults.Scenario, Double> metric)
    {
        List<Bar> bars = new ArrayList<>();
        for (BenchResults.Scenario s : current.scenarios()) {
            if (s.skipped() == null && s.coldStart() == null && metric.apply(s) != null) {
                bars.add(new Bar(s.name(), metric.apply(s), previous.flatMap(p -> p.scenario(s.name())).map(metric).orElse(null)));
            }
        }
        return bars;
    }

    private static List<Bar> coldStartBars(BenchResults current, Optional<BenchResults> previous)
    {
        Optional<BenchResults.ColdStart> now = current.scenario(BenchScenario.COLD_START.id).map(BenchResults.Scenario::coldStart);
        Optional<BenchResults.ColdStart> before = previous.flatMap(p -> p.scenario(BenchScenario.COLD_START.id))
                .map(BenchResults.Scenario::coldStart);
        if (now.isEmpty()) {
            return List.of();
        }
        List<Function<BenchResults.ColdStart, BenchResults.Stat>> stats = List.of(BenchResults.ColdStart::handlerReadyMs,
                BenchResults.ColdStart::firstGetTableMs, BenchResults.ColdStart::firstReadRecordsMs);
        List<String> labels = List.of("handler ready", "first GetTable", "first ReadRecords");
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            Function<BenchResults.ColdStart, BenchResults.Stat> stat = stats.get(i);
            bars.add(new Bar(labels.get(i), stat.apply(now.get()).median(), before.map(b -> stat.apply(b).median()).orElse(null)));
        }
        return bars;
    }

    /** Horizontal bars, one row per label (two bars with a previous run), scaled to the chart's largest value. */
    static String chart(List<Bar> bars, boolean comparing)
    {
        int perLabel = comparing ? 2 * BAR + 10 : BAR + 8;
        int height = Math.max(1, bars.size()) * perLabel + 10;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" font-size=\"12\" role=\"img\">\n",
                LABEL + BARS + 140, height));
        if (bars.isEmpty()) {
            svg.append("<text x=\"4\" y=\"14\">not measured in this run</text>\n");
        }
        double max = bars.stream().flatMap(b -> Stream.of(b.current(), b.previous()))
                .filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1);
        int y = 5;
        for (Bar b : bars) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", LABEL - 6,
                    y + (comparing ? BAR + 4 : BAR - 4), escape(b.label())));
            if (comparing) {
                bar(svg, y, b.previous(), max, PREVIOUS, "");
                y += BAR + 2;
            }
            bar(svg, y, b.current(), max, CURRENT, comparing ? " " + BenchDelta.percent(b.current(), b.previous()) : "");
            y += BAR + 8;
        }
        return svg.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder svg, int y, Double value, double max, String color, String suffix)
    {
        if (value == null) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#718096\">none</text>\n", LABEL, y + BAR - 4));
            return;
        }
        double width = max <= 0 ? 0 : Math.max(1, value / max * BARS);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                        + "<text x=\"%.1f\" y=\"%d\">%s%s</text>\n", LABEL, y, width, BAR, color, LABEL + width + 4, y + BAR - 4,
                escape(format(value)), escape(suffix)));
    }

    private static String format(double value)
    {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static void table(StringBuilder html, List<Map<String, Object>> rows)
    {
        html.append("<table><tr>");
        BenchReport.COLUMNS.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
        html.append("</tr>\n");
        for (Map<String, Object> row : rows) {
            html.append("<tr>");
            BenchReport.COLUMNS.forEach(c -> html.append("<td>").append(escape(String.valueOf(row.get(c)))).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static String swatch(String color)
    {
        return "<span style=\"display:inline-block;width:12px;height:12px;background:" + color + "\"></span>";
    }

    static String escape(String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
