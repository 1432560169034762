package io.github.athenaddb.handler;

import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutResponse;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;
import java.util.Map;

/**
 * A table layout of one partition, for sources that plan their splits from the table itself
 * rather than from partitions: the partition's schema carries what GetSplits needs.
 */
public final class SinglePartition
{
    static final String COLUMN = "partitionId";

    private SinglePartition() {}

    public static GetTableLayoutResponse layout(BlockAllocator allocator, GetTableLayoutRequest request, Map<String, String> metadata)
    {
        Schema schema = new Schema(List.of(new Field(COLUMN, FieldType.nullable(new ArrowType.Int(32, true)), null)), metadata);
        Block partitions = allocator.createBlock(schema);
        ((IntVector) partitions.getFieldVector(COLUMN)).setSafe(0, 0);
        partitions.setRowCount(1);
        return new GetTableLayoutResponse(request.getCatalogName(), request.getTableName(), partitions);
    }
}
