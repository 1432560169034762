package io.github.athenaddb.ddb.types;

import io.github.athenaddb.arrow.ArrowValueWriter;
import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocatorImpl;
import io.github.athenaddb.ddb.schema.ArrowFieldMapper;
import io.github.athenaddb.ddb.schema.AttributeTypes;
import io.github.athenaddb.ddb.schema.GlueTypes;
import io.github.athenaddb.ddb.schema.InferredType;
import io.github.athenaddb.devkit.AthenaSequence;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One column of a real Arrow block, as the record reader fills it: each DynamoDB value is
 * coerced to the column's type, written to its row, and read back from the vector as a plain
 * Java value (String for Text, List for lists, Map for structs, a list of key/value maps for
 * maps). Misfits are collected.
 */
final class BlockColumn
        implements AutoCloseable
{
    record Report(String path, String problem) {}

    private final List<Report> misfits = new ArrayList<>();
    private final BlockAllocatorImpl allocator = new BlockAllocatorImpl();
    private final Field field;
    private final Block block;

    private BlockColumn(Field field)
    {
        this.field = field;
        this.block = allocator.createBlock(new Schema(List.of(field)));
    }

    static BlockColumn of(String name, InferredType type)
    {
        return new BlockColumn(ArrowFieldMapper.toField(name, type));
    }

    /** A column of a declared Glue type ({@code tinyint}, {@code map<string,date>}). */
    static BlockColumn declared(String name, String glueType)
    {
        return new BlockColumn(GlueTypes.toField(name, glueType));
    }

    /** A column of a declared Glue type read with a datetime format and zone (either may be null). */
    static BlockColumn declared(String name, String glueType, String format, String zone)
    {
        return new BlockColumn(DateTimeFormats.withFormat(GlueTypes.toField(name, glueType), format, zone));
    }

    /** A column typed as schema inference would type it from these sampled values. */
    static BlockColumn inferredFrom(String name, AttributeValue... sample)
    {
        InferredType type = Arrays.stream(sample).filter(Objects::nonNull)
                .map(AttributeTypes::of)
                .reduce(InferredType.NULL, InferredType::union);
        return of(name, type);
    }

    Field field()
    {
        return field;
    }

    List<Report> misfits()
    {
        return misfits;
    }

    /** Writes the values to rows 0..n-1 (a null array element is a missing attribute) and reads them back. */
    List<Object> roundTrip(AttributeValue... values)
    {
        FieldVector vector = block.getFieldVector(field.getName());
        for (int row = 0; row < values.length; row++) {
            Object coerced = ValueCoercer.coerce(field, values[row], field.getName(),
                    (path, problem) -> misfits.add(new Report(path, problem)));
            ArrowValueWriter.write(vector, row, coerced);
        }
        block.setRowCount(values.length);
        List<Object> read = new ArrayList<>();
        for (int row = 0; row < values.length; row++) {
            read.add(plain(vector.getObject(row)));
        }
        return read;
    }

    Object roundTrip(AttributeValue value)
    {
        return roundTrip(new AttributeValue[] {value}).get(0);
    }

    /** Arrow's Text, JsonStringArrayList and JsonStringHashMap as String, List and Map. */
    static Object plain(Object value)
    {
        return AthenaSequence.plain(value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value)
    {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asStruct(Object value)
    {
        return (Map<String, Object>) value;
    }

    @Override
    public void close()
    {
        // Closes the block with it.
        allocator.close();
    }
}
