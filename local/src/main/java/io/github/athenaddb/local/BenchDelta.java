package io.github.athenaddb.local;

import java.util.Locale;

/** How a figure moved since the run given to {@code --compare}, as the text and HTML reports show it. */
final class BenchDelta
{
    private BenchDelta() {}

    /** "+3.2%", "-40.0%", "±0%"; "new" when the previous run has no such figure, empty when this run has none. */
    static String percent(Double current, Double previous)
    {
        if (current == null) {
            return "";
        }
        if (previous == null) {
            return "new";
        }
        if (previous == 0) {
            return current == 0 ? "±0%" : "";
        }
        double change = (current - previous) / Math.abs(previous) * 100;
        if (Math.abs(change) < 0.05) {
            return "±0%";
        }
        return String.format(Locale.ROOT, "%+.1f%%", change);
    }

    /** The formatted figure, followed by its change in parentheses when there is a previous run. */
    static String annotate(String formatted, Double current, Double previous, boolean comparing)
    {
        if (!comparing || current == null) {
            return formatted;
        }
        String delta = percent(current, previous);
        return delta.isEmpty() ? formatted : formatted + " (" + delta + ")";
    }
}
