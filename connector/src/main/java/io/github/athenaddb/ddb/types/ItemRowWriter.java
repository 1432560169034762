package io.github.athenaddb.ddb.types;

import io.github.athenaddb.arrow.ArrowValueWriter;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.domain.predicate.ConstraintProjector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Writes one DynamoDB item as one row of a block: each column's attribute is coerced to the
 * column's type, the row is checked against the query's column constraints, and only a row
 * that passes is written.
 */
public final class ItemRowWriter
{
    /** Field metadata of a column flattened out of a map: the path from the attribute to the field (JSON array of names). */
    public static final String PATH_METADATA = TableSchemaMetadata.PATH_METADATA;

    private final Field[] fields;
    private final String[] attributes;
    private final String[][] paths;
    private final String[] labels;
    private final ConstraintProjector[] constraints;
    /** One row's coerced values, reused from row to row: a writer serves one split, on one thread. */
    private final Object[] values;
    /** The vectors of the last block written, looked up once per block rather than once per row. */
    private Block vectorsOf;
    private FieldVector[] vectors;

    /**
     * @param fields the columns of the block, in block order
     * @param attributes the DynamoDB attribute behind each column
     * @param constraintFor the constraint on a column, or null when it has none
     */
    public ItemRowWriter(List<Field> fields, List<String> attributes, Function<String, ConstraintProjector> constraintFor)
    {
        if (fields.size() != attributes.size()) {
            throw new IllegalArgumentException("one attribute per field expected");
        }
        this.fields = fields.toArray(new Field[0]);
        this.attributes = attributes.toArray(new String[0]);
        this.paths = new String[this.fields.length][];
        this.labels = new String[this.fields.length];
        for (int i = 0; i < this.fields.length; i++) {
            String path = this.fields[i].getMetadata() == null ? null : this.fields[i].getMetadata().get(PATH_METADATA);
            paths[i] = path == null ? null : NestedPath.parse(path);
            String label = path == null ? this.attributes[i] : String.join(".", paths[i]);
            // A warning names what the user queried too, when columnMapping gave the column another name.
            labels[i] = label.equalsIgnoreCase(this.fields[i].getName()) ? label : label + " (column " + this.fields[i].getName() + ")";
        }
        this.constraints = new ConstraintProjector[this.fields.length];
        for (int i = 0; i < this.fields.length; i++) {
            constraints[i] = constraintFor.apply(this.fields[i].getName());
        }
        this.values = new Object[this.fields.length];
    }

    /** @return the number of rows written: 1, or 0 when the item fails a constraint */
    public int write(Block block, int row, Map<String, AttributeValue> item, Misfits misfits)
    {
        requireNonNull(item, "item is null");
        try {
            for (int i = 0; i < fields.length; i++) {
                AttributeValue value = paths[i] == null ? item.get(attributes[i]) : NestedPath.lookup(item, paths[i]);
                values[i] = ValueCoercer.coerce(fields[i], value, labels[i], misfits);
                if (constraints[i] != null && !constraints[i].apply(values[i])) {
                    return 0;
                }
            }
            FieldVector[] vectors = vectorsOf(block);
            for (int i = 0; i < fields.length; i++) {
                ArrowValueWriter.write(vectors[i], row, values[i]);
            }
            return 1;
        }
        finally {
            // The values are the item's: holding them would keep the page alive until the next row.
            Arrays.fill(values, null);
        }
    }

    private FieldVector[] vectorsOf(Block block)
    {
        if (block != vectorsOf) {
            vectors = block.getFieldVectors().toArray(new FieldVector[0]);
            vectorsOf = block;
        }
        return vectors;
    }
}
