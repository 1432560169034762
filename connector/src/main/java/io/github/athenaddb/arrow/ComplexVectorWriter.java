package io.github.athenaddb.arrow;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

import java.util.List;
import java.util.Map;

/**
 * Writes a coerced list, struct or map straight into its vectors and their children, the same
 * layout the SDK's {@code BlockUtils.setComplexValue} produces. The SDK's path builds Arrow field
 * writers on every call and copies each nested string through a freshly allocated buffer, which
 * was most of the time spent on items with nested attributes; here each element is one
 * {@code setSafe} on its child vector, by way of {@link ArrowValueWriter} for scalars.
 *
 * <p>A null anywhere is written as a null at its own index, so offsets stay consistent.
 */
final class ComplexVectorWriter
{
    private ComplexVectorWriter() {}

    static void writeList(ListVector vector, int row, List<?> values)
    {
        int start = vector.startNewValue(row);
        FieldVector elements = vector.getDataVector();
        int i = 0;
        for (Object value : values) {
            ArrowValueWriter.write(elements, start + i++, value);
        }
        vector.endValue(row, values.size());
    }

    /** Struct values are maps keyed by the Arrow child's name; a child that is absent is null. */
    static void writeStruct(StructVector vector, int row, Map<?, ?> fields)
    {
        vector.setIndexDefined(row);
        for (FieldVector child : vector.getChildrenFromFields()) {
            ArrowValueWriter.write(child, row, fields.get(child.getName()));
        }
    }

    /** A map is a list of {key, value} structs. */
    static void writeMap(MapVector vector, int row, Map<?, ?> entries)
    {
        int start = vector.startNewValue(row);
        StructVector entryVector = (StructVector) vector.getDataVector();
        FieldVector keys = (FieldVector) entryVector.getChildByOrdinal(0);
        FieldVector values = (FieldVector) entryVector.getChildByOrdinal(1);
        int i = 0;
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            int index = start + i++;
            entryVector.setIndexDefined(index);
            ArrowValueWriter.write(keys, index, entry.getKey());
            ArrowValueWriter.write(values, index, entry.getValue());
        }
        vector.endValue(row, entries.size());
    }
}
