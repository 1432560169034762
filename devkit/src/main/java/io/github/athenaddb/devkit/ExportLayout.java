package io.github.athenaddb.devkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static java.util.Objects.requireNonNull;

/**
 * Writes a DynamoDB export to S3 (moto_server's, locally) laid out as DynamoDB writes a full export
 * in DYNAMODB_JSON format, as AWS documents it: {@code PREFIX/AWSDynamoDB/EXPORT_ID/} holds
 * manifest-summary.json, manifest-files.json (one line per data file) and {@code data/}, gzipped
 * files of one {@code {"Item": {...}}} line per item. moto's own ExportTableToPointInTime writes a
 * data file but no manifests, so tests, the demo and bench lay out exports with this.
 */
public final class ExportLayout
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String bucket;

    public ExportLayout(S3Client s3, String bucket)
    {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
    }

    /** The folder DynamoDB writes an export's manifests in: {@code PREFIX/AWSDynamoDB/EXPORT_ID/}. */
    public static String folder(String prefix, String exportId)
    {
        return (prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/") + "AWSDynamoDB/" + exportId + "/";
    }

    /**
     * A whole export: one data file per list of items, then the manifests naming them.
     *
     * @return the export's folder as {@code s3://BUCKET/FOLDER}, as the setting export_location_TABLE takes it
     */
    public String write(String folder, Instant exportTime, List<List<Map<String, AttributeValue>>> files)
    {
        List<String> keys = new ArrayList<>();
        long items = 0;
        for (int i = 0; i < files.size(); i++) {
            String key = folder + "data/" + String.format("%05d", i) + ".json.gz";
            List<String> lines = new ArrayList<>();
            for (Map<String, AttributeValue> item : files.get(i)) {
                lines.add(line(item));
            }
            putGzip(key, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
            keys.add(key);
            items += files.get(i).size();
        }
        summary(folder, exportTime, items);
        files(folder, keys);
        return "s3://" + bucket + "/" + folder;
    }

    /** manifest-summary.json of a completed full export in DYNAMODB_JSON. */
    public void summary(String folder, Instant exportTime, long itemCount)
    {
        ObjectNode summary = JSON.createObjectNode().put("version", "2020-06-30").put("exportTime", exportTime.toString())
                .put("s3Bucket", bucket).put("itemCount", itemCount).put("outputFormat", "DYNAMODB_JSON").put("exportType", "FULL_EXPORT");
        put(folder + "manifest-summary.json", summary.toString());
    }

    /** manifest-files.json naming the data files by their keys from the bucket's root, as DynamoDB names them. */
    public void files(String folder, List<String> dataFileKeys)
    {
        StringBuilder lines = new StringBuilder();
        for (String key : dataFileKeys) {
            lines.append(JSON.createObjectNode().put("itemCount", 1).put("md5Checksum", "x").put("etag", "y").put("dataFileS3Key", key))
                    .append('\n');
        }
        put(folder + "manifest-files.json", lines.toString());
    }

    /** An item as a data file's line: {@code {"Item":{"PK":{"S":"A#1"},...}}}. */
    public static String line(Map<String, AttributeValue> item)
    {
        ObjectNode line = JSON.createObjectNode();
        line.set("Item", map(item));
        return line.toString();
    }

    public void put(String key, String text)
    {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    /** {@code text} gzipped, as DynamoDB compresses every data file (an empty partition's file is empty gzip). */
    public void putGzip(String key, String text)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes.toByteArray()));
    }

    private static ObjectNode map(Map<String, AttributeValue> attributes)
    {
        ObjectNode node = JSON.createObjectNode();
        attributes.forEach((name, value) -> node.set(name, value(value)));
        return node;
    }

    private static ObjectNode value(AttributeValue v)
    {
        ObjectNode node = JSON.createObjectNode();
        switch (v.type()) {
            case S -> node.put("S", v.s());
            case N -> node.put("N", v.n());
            case B -> node.put("B", base64(v.b()));
            case BOOL -> node.put("BOOL", v.bool());
            case NUL -> node.put("NULL", true);
            case SS -> v.ss().forEach(node.putArray("SS")::add);
            case NS -> v.ns().forEach(node.putArray("NS")::add);
            case BS -> {
                ArrayNode set = node.putArray("BS");
                v.bs().forEach(b -> set.add(base64(b)));
            }
            case L -> {
                ArrayNode list = node.putArray("L");
                v.l().forEach(e -> list.add(value(e)));
            }
            case M -> node.set("M", map(v.m()));
            default -> throw new IllegalArgumentException("not a DynamoDB value: " + v);
        }
        return node;
    }

    private static String base64(SdkBytes bytes)
    {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
