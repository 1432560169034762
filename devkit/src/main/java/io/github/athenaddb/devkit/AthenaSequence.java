package io.github.athenaddb.devkit;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetTableRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsResponse;
import com.amazonaws.athena.connector.lambda.security.FederatedIdentity;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calls Athena makes to scan a table: GetTable, GetTableLayout, GetSplits (until no
 * continuation token), then ReadRecords per split. Like Athena, it lower-cases the column
 * names of the schema it sends back.
 */
public final class AthenaSequence
{
    public static final String CATALOG = "ddb";
    public static final FederatedIdentity IDENTITY = new FederatedIdentity("arn:aws:iam::123456789012:user/test",
            "123456789012", Map.of(), List.of(), Map.of());
    private static final long MAX_BLOCK = 64L * 1024 * 1024;

    private final LambdaWire wire;
    private final List<Integer> rowsPerSplit = new ArrayList<>();

    public AthenaSequence(LambdaWire wire)
    {
        this.wire = wire;
    }

    public GetTableResponse getTable(String table)
    {
        return wire.call(new GetTableRequest(IDENTITY, "q1", CATALOG, new TableName("default", table), Map.of()));
    }

    public List<Map<String, Object>> scan(String table)
    {
        return scan(table, Map.of());
    }

    public List<Map<String, Object>> scan(String table, Map<String, ValueSet> summary)
    {
        Schema schema = lowerCased(getTable(table).getSchema());
        return scan(table, schema, summary);
    }

    public List<Map<String, Object>> scan(String table, Schema schema, Map<String, ValueSet> summary)
    {
        TableName name = new TableName("default", table);
        Constraints constraints = new Constraints(summary, List.of(), List.of(), Constraints.DEFAULT_NO_LIMIT, Map.of(), null);
        GetTableLayoutResponse layout = wire.call(new GetTableLayoutRequest(IDENTITY, "q1", CATALOG, name, constraints, schema, Collections.emptySet()));
        List<Split> splits = new ArrayList<>();
        String token = null;
        do {
            GetSplitsResponse response = wire.call(new GetSplitsRequest(IDENTITY, "q1", CATALOG, name, layout.getPartitions(),
                    List.of(), constraints, token));
            splits.addAll(response.getSplits());
            token = response.getContinuationToken();
        }
        while (token != null);
        rowsPerSplit.clear();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Split split : splits) {
            ReadRecordsResponse response = wire.call(new ReadRecordsRequest(IDENTITY, CATALOG, "q1", name, schema, split,
                    constraints, MAX_BLOCK, MAX_BLOCK));
            rows.addAll(rows(response.getRecords()));
            rowsPerSplit.add(response.getRecordCount());
        }
        return rows;
    }

    /** Rows returned by each split of the last scan. */
    public List<Integer> lastRowsPerSplit()
    {
        return List.copyOf(rowsPerSplit);
    }

    public static Schema lowerCased(Schema schema)
    {
        List<Field> fields = new ArrayList<>();
        schema.getFields().forEach(f -> fields.add(lowerCased(f)));
        return new Schema(fields, schema.getCustomMetadata());
    }

    private static Field lowerCased(Field field)
    {
        List<Field> children = new ArrayList<>();
        field.getChildren().forEach(c -> children.add(lowerCased(c)));
        return new Field(field.getName().toLowerCase(Locale.ROOT), field.getFieldType(), children);
    }

    public static List<Map<String, Object>> rows(Block block)
    {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < block.getRowCount(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (FieldVector v : block.getFieldVectors()) {
                row.put(v.getField().getName(), plain(v.getObject(r)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Arrow's reader objects (Text, JsonStringHashMap...) as plain Java values for assertions. */
    public static Object plain(Object value)
    {
        if (value instanceof Text t) {
            return t.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), plain(v)));
            return out;
        }
        return value;
    }
}
