package io.github.athenaddb.local.engine;

import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table scans of the statement being run; reset before each statement. */
final class StatementStats
{
    private final List<SourceScan> scans = new ArrayList<>();

    synchronized void reset()
    {
        scans.clear();
        DynamoDbRequestMeter.reset();
    }

    synchronized SourceScan startScan(String catalog, String schema, String table, Map<String, ValueSet> pushed, ScanLimit limit)
    {
        SourceScan scan = new SourceScan(catalog, schema, table, pushed, limit);
        scans.add(scan);
        return scan;
    }

    synchronized List<SourceScan> scans()
    {
        return List.copyOf(scans);
    }
}
