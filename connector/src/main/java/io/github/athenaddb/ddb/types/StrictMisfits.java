package io.github.athenaddb.ddb.types;

import io.github.athenaddb.ConnectorException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Fails the query on the first value that does not fit its column, rather than reading NULL:
 * the error names the table, the item's key and the attribute path. Values changed to fit as
 * documented (a DECIMAL rounded to its scale) are not failures; they go to {@code adjusted}.
 * Set the item being written before writing it, as for the misfit log.
 */
public final class StrictMisfits
        implements Misfits
{
    private static final String READ_AS_NULL = "; read as null";

    private final String table;
    private final List<String> keyAttributes;
    private final Misfits adjusted;
    private Map<String, AttributeValue> item = Map.of();

    /**
     * @param table the DynamoDB table, for the message
     * @param keyAttributes the table's key attributes, to name the item
     * @param adjusted receives the values changed to fit (the misfit log, say)
     */
    public StrictMisfits(String table, List<String> keyAttributes, Misfits adjusted)
    {
        this.table = requireNonNull(table, "table is null");
        this.keyAttributes = List.copyOf(keyAttributes);
        this.adjusted = requireNonNull(adjusted, "adjusted is null");
    }

    public void setItem(Map<String, AttributeValue> item)
    {
        this.item = requireNonNull(item, "item is null");
    }

    /**
     * @throws ConnectorException naming table, item key and attribute path, coded as an invalid
     *         response: the table's data does not fit the declared columns, the query itself is fine
     */
    @Override
    public void report(String attributePath, String problem)
    {
        String what = problem.endsWith(READ_AS_NULL) ? problem.substring(0, problem.length() - READ_AS_NULL.length()) : problem;
        throw ConnectorException.withCode(FederationSourceErrorCode.INVALID_RESPONSE_EXCEPTION, "Table " + table + ", item " + key() + ", attribute " + attributePath + ": " + what
                + ". Strict typing is on, so a value that does not fit its column fails the query instead of reading as NULL.");
    }

    @Override
    public void adjusted(String attributePath, String problem)
    {
        adjusted.adjusted(attributePath, problem);
    }

    private String key()
    {
        return keyAttributes.stream()
                .map(k -> k + "=" + (item.get(k) == null ? "?" : describe(item.get(k))))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String describe(AttributeValue v)
    {
        return v.s() != null ? v.s() : v.n() != null ? v.n() : ValueCoercer.toText(v);
    }
}
