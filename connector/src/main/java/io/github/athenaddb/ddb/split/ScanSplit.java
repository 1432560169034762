package io.github.athenaddb.ddb.split;

import com.amazonaws.athena.connector.lambda.domain.Split;
import io.github.athenaddb.ddb.exec.ReadStats;

import static java.util.Objects.requireNonNull;

/** One segment of a parallel Scan of the whole table. */
public record ScanSplit(String table, int segment, int totalSegments)
        implements ReadSplit
{
    public ScanSplit
    {
        requireNonNull(table, "table is null");
        if (totalSegments < 1 || segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException("segment " + segment + " of " + totalSegments + " is not a valid Scan segment");
        }
    }

    public static ScanSplit from(Split split)
    {
        return SplitCodec.scan(split);
    }

    @Override
    public ReadStats read(ReadContext context)
    {
        return context.readers().scan().scan(table, segment, totalSegments, context.projection().expression(), context.options().filter(),
                context.limiter(), context.keepGoing(), context.rows(), context.pages());
    }

    @Override
    public String describe()
    {
        return "Scan segment " + segment + "/" + totalSegments;
    }
}
