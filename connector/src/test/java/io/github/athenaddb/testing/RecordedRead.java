package io.github.athenaddb.testing;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import io.github.athenaddb.devkit.AthenaSequence;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one read through the wire returned, and the DynamoDB requests it sent. */
public record RecordedRead(List<Map<String, Object>> rows, List<RecordingInterceptor.Call> calls, int splits)
{
    /** Reads a table as Athena does (splits one at a time), recording the requests. */
    public static RecordedRead of(AthenaSequence athena, String schema, String table, Schema request, Constraints constraints)
    {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<RecordingInterceptor.Call> calls;
        int splits;
        RecordingInterceptor.start();
        try {
            splits = athena.read(schema, table, request, constraints, 1, block -> rows.addAll(AthenaSequence.rows(block)));
        }
        finally {
            calls = RecordingInterceptor.stop();
        }
        return new RecordedRead(rows, calls, splits);
    }

    /** Constraints with only a summary: no LIMIT, no ORDER BY. */
    public static Constraints summary(Map<String, ValueSet> summary)
    {
        return new Constraints(summary, List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, Map.of(), null);
    }
}
