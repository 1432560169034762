package io.github.athenaddb.ddb.exec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ddb.types.TypedJsonParser;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import static java.util.Objects.requireNonNull;

/**
 * Reads one data file of a DynamoDB export to S3 in DYNAMODB_JSON format: gzip, one line per item,
 * {@code {"Item": {...}}}. Each item gets the export's time as {@value #EXPORT_TIME} (epoch
 * milliseconds). One S3 GetObject a file, streamed: no DynamoDB read capacity.
 */
public final class ExportFileReader
{
    public static final String EXPORT_TIME = "export_time";
    /** Items handed to the page sink at once, as a DynamoDB page would be. */
    static final int PAGE_ITEMS = 1000;
    private static final JsonFactory JSON = new JsonFactory();

    private final Supplier<S3Client> s3;

    /** @param s3 built on first use: most reads never touch an export */
    public ExportFileReader(Supplier<S3Client> s3)
    {
        this.s3 = requireNonNull(s3, "s3 is null");
    }

    public ReadStats read(String bucket, String key, Instant exportTime, BooleanSupplier keepGoing, RowBudget budget,
                          Consumer<List<Map<String, AttributeValue>>> pageConsumer)
    {
        AttributeValue time = AttributeValue.fromN(Long.toString(exportTime.toEpochMilli()));
        try (PushbackInputStream object = new PushbackInputStream(s3.get().getObject(GetObjectRequest.builder().bucket(bucket).key(key).build()))) {
            // An empty partition's file holds no item; read it as such whether it is empty gzip or no bytes at all.
            int first = object.read();
            if (first < 0) {
                return new ReadStats(1, 0, 0);
            }
            object.unread(first);
            return new ReadStats(1, readItems(object, time, keepGoing, budget, pageConsumer), 0);
        }
        catch (IOException e) {
            throw ConnectorException.internal("Export data file s3://" + bucket + "/" + key + " is not DynamoDB JSON in gzip, as DynamoDB "
                    + "writes exports with ExportFormat DYNAMODB_JSON: " + e.getMessage());
        }
    }

    private static long readItems(InputStream gzipped, AttributeValue time, BooleanSupplier keepGoing, RowBudget budget,
                                  Consumer<List<Map<String, AttributeValue>>> pageConsumer)
            throws IOException
    {
        long items = 0;
        try (JsonParser json = JSON.createParser(new GZIPInputStream(gzipped, 64 * 1024))) {
            List<Map<String, AttributeValue>> page = new ArrayList<>(PAGE_ITEMS);
            JsonToken token;
            while (!budget.exhausted() && (token = json.nextToken()) != null) {
                items++;
                page.add(exportedItem(json, token, time));
                if (page.size() == PAGE_ITEMS) {
                    pageConsumer.accept(page);
                    page = new ArrayList<>(PAGE_ITEMS);
                    if (!keepGoing.getAsBoolean()) {
                        break;
                    }
                }
            }
            pageConsumer.accept(page);
        }
        return items;
    }

    /** {@code {"Item": {...}}}, the line's item with the export time added. */
    private static Map<String, AttributeValue> exportedItem(JsonParser json, JsonToken token, AttributeValue time)
            throws IOException
    {
        if (token != JsonToken.START_OBJECT || json.nextToken() != JsonToken.FIELD_NAME || !"Item".equals(json.currentName())) {
            throw new IOException("expected a line {\"Item\": {...}} at " + json.currentLocation());
        }
        json.nextToken();
        Map<String, AttributeValue> item = TypedJsonParser.item(json);
        if (json.nextToken() != JsonToken.END_OBJECT) {
            throw new IOException("expected only \"Item\" in the line at " + json.currentLocation());
        }
        item.put(EXPORT_TIME, time);
        return item;
    }
}
