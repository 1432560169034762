package io.github.athenaddb.ddb;

import io.github.athenaddb.ddb.types.Misfits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Logs values that did not fit their column, naming table, item key and attribute. The first
 * {@value #DETAILED} per split are logged one by one; the rest are counted and summarised, so a
 * badly typed attribute cannot flood the logs of a large scan.
 */
final class MisfitLog
        implements Misfits
{
    private static final Logger log = LoggerFactory.getLogger(MisfitLog.class);
    static final int DETAILED = 20;

    private final String table;
    private final List<String> keyAttributes;
    private Map<String, AttributeValue> item = Map.of();
    private long count;

    MisfitLog(String table, List<String> keyAttributes)
    {
        this.table = table;
        this.keyAttributes = List.copyOf(keyAttributes);
    }

    void setItem(Map<String, AttributeValue> item)
    {
        this.item = item;
    }

    @Override
    public void report(String attributePath, String problem)
    {
        count++;
        if (count <= DETAILED) {
            log.warn("Table {}, item {}, attribute {}: {}", table, key(), attributePath, problem);
        }
    }

    long count()
    {
        return count;
    }

    void summarize()
    {
        if (count > DETAILED) {
            log.warn("Table {}: {} values did not fit their column in this split ({} logged above)", table, count, DETAILED);
        }
    }

    private String key()
    {
        return keyAttributes.stream()
                .map(k -> k + "=" + (item.get(k) == null ? "?" : describe(item.get(k))))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String describe(AttributeValue v)
    {
        return v.s() != null ? v.s() : v.n() != null ? v.n() : v.toString();
    }
}
