package io.github.athenaddb.bench;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import io.github.athenaddb.ddb.table.TableDescription;
import io.github.athenaddb.ddb.table.TableSchemaMetadata;
import io.github.athenaddb.ddb.schema.SchemaInference;
import io.github.athenaddb.ddb.types.ItemRowWriter;
import io.github.athenaddb.ddb.types.Misfits;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table as the connector sees it: the schema its metadata handler infers from the items, and
 * the row writer its record handler builds from that schema (no constraints: a plain scan).
 */
final class ConnectorTable
{
    /** Every benchmark item fits its inferred column: a misfit means the benchmark measures the wrong thing. */
    static final Misfits NO_MISFITS = (path, problem) -> {
        throw new IllegalStateException("benchmark item does not fit its column: " + path + ": " + problem);
    };

    final Schema schema;
    final ItemRowWriter writer;

    ConnectorTable(List<Map<String, AttributeValue>> items)
    {
        TableDescription table = new TableDescription("bench", new TableDescription.KeyAttribute("pk", "S"), Optional.empty(),
                List.of(), 0, 0);
        schema = SchemaInference.infer(table, items);
        // As DdbRecordHandler.readWithConstraint does with the schema of the request.
        TableSchemaMetadata metadata = TableSchemaMetadata.fromSchemaMetadata(schema.getCustomMetadata(), "bench");
        List<Field> fields = schema.getFields().stream().map(metadata::withColumnMetadata).toList();
        List<String> attributes = fields.stream().map(f -> metadata.attributeFor(f.getName())).toList();
        writer = new ItemRowWriter(fields, attributes, column -> null);
    }

    /** Writes the items as rows 0.. of the block and sets its row count, as a block spiller would. */
    int write(Block block, List<Map<String, AttributeValue>> items, Misfits misfits)
    {
        int row = 0;
        for (Map<String, AttributeValue> item : items) {
            row += writer.write(block, row, item, misfits);
        }
        block.setRowCount(row);
        return row;
    }

    /** Empties the block for the next batch, keeping its buffers (as a spiller reusing a block would). */
    static void reset(Block block)
    {
        for (FieldVector vector : block.getFieldVectors()) {
            vector.reset();
        }
        block.setRowCount(0);
    }

    Block newBlock(BlockAllocator allocator)
    {
        return allocator.createBlock(schema);
    }
}
