package io.github.athenaddb.ddb.exec;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.util.HashMap;
import java.util.Map;

/**
 * A stream record as an item whose attributes are the columns of a change table: the event's
 * id, name (INSERT, MODIFY, REMOVE), time (epoch milliseconds) and sequence number, the shard,
 * the item's key attributes at the top level, and the new and old images as maps (absent when
 * the stream's view type does not carry them, which reads as NULL).
 */
public final class ChangeRow
{
    public static final String EVENT_ID = "event_id";
    public static final String EVENT_NAME = "event_name";
    public static final String EVENT_TIME = "event_time";
    public static final String SEQUENCE_NUMBER = "sequence_number";
    public static final String SHARD_ID = "shard_id";
    public static final String NEW_IMAGE = "new_image";
    public static final String OLD_IMAGE = "old_image";

    private ChangeRow() {}

    static Map<String, AttributeValue> of(Record record, String shardId)
    {
        StreamRecord change = record.dynamodb();
        Map<String, AttributeValue> row = new HashMap<>(change.keys());
        row.put(EVENT_ID, AttributeValue.fromS(record.eventID()));
        row.put(EVENT_NAME, AttributeValue.fromS(record.eventNameAsString()));
        if (change.approximateCreationDateTime() != null) {
            row.put(EVENT_TIME, AttributeValue.fromN(Long.toString(change.approximateCreationDateTime().toEpochMilli())));
        }
        row.put(SEQUENCE_NUMBER, AttributeValue.fromS(change.sequenceNumber()));
        row.put(SHARD_ID, AttributeValue.fromS(shardId));
        if (change.hasNewImage()) {
            row.put(NEW_IMAGE, AttributeValue.fromM(change.newImage()));
        }
        if (change.hasOldImage()) {
            row.put(OLD_IMAGE, AttributeValue.fromM(change.oldImage()));
        }
        return row;
    }
}
