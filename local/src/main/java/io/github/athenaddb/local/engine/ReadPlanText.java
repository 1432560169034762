package io.github.athenaddb.local.engine;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reads of a query as the connector planned them, after Trino's plan in {@code explain}: per
 * read, the constraints and limit it was sent (GetTableLayout, GetSplits) and each split it
 * returned, at most {@link #SPLITS_SHOWN} of them.
 */
final class ReadPlanText
{
    static final int SPLITS_SHOWN = 20;
    /** Statements that only read, so running them with {@code splits_only} has no effect but the planning. */
    private static final Pattern QUERY = Pattern.compile("(?is)\\s*(\\(\\s*)*(select|with|table|values)\\b.*");

    private ReadPlanText() {}

    static boolean isQuery(String sql)
    {
        return QUERY.matcher(sql).matches();
    }

    static String of(List<ReadLog.Read> reads)
    {
        StringBuilder out = new StringBuilder("\nReads planned by the connector (GetTableLayout and GetSplits; no records read):\n");
        if (reads.isEmpty()) {
            return out.append("  none: the query reads no table of the connector\n").toString();
        }
        for (ReadLog.Read read : reads) {
            String pushed = read.limit().describeWith(read.pushed());
            out.append(String.format(Locale.ROOT, "- %s.%s.%s: %,d split%s; pushed: %s%n", read.catalog(), read.schema(), read.table(),
                    read.splits(), read.splits() == 1 ? "" : "s", pushed.isEmpty() ? "(nothing)" : pushed));
            read.lossyColumns().forEach(column -> out.append("    lossy: ").append(column).append('\n'));
            List<String> splits = read.splitTexts();
            for (int i = 0; i < Math.min(splits.size(), SPLITS_SHOWN); i++) {
                out.append(String.format(Locale.ROOT, "    split %d: %s%n", i + 1, splits.get(i)));
            }
            if (splits.size() > SPLITS_SHOWN) {
                out.append(String.format(Locale.ROOT, "    ... %,d more splits%n", splits.size() - SPLITS_SHOWN));
            }
        }
        return out.toString();
    }
}
