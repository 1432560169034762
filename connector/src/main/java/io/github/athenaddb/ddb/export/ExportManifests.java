package io.github.athenaddb.ddb.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.ConnectorException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Reads an export's manifests from S3, as DynamoDB documents them: manifest-summary.json (one JSON
 * object: exportTime, outputFormat, exportType, ...) and manifest-files.json (one JSON object a
 * line, each naming a data file by its dataFileS3Key).
 */
public final class ExportManifests
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<S3Client> s3;

    public ExportManifests(Supplier<S3Client> s3)
    {
        this.s3 = requireNonNull(s3, "s3 is null");
    }

    /** @param table the export table, for the error lines */
    public ExportManifest summary(ExportLocation location, String table)
    {
        JsonNode summary = parse(read(location, location.summaryKey(), table), location, table);
        String format = summary.path("outputFormat").asText("DYNAMODB_JSON");
        if (!format.equals("DYNAMODB_JSON")) {
            throw ConnectorException.invalidInput("Table '" + table + "' reads the export at " + location.uri() + " (" + location.source()
                    + "), whose format is " + format + ": only DYNAMODB_JSON exports are read");
        }
        String type = summary.path("exportType").asText("FULL_EXPORT");
        if (!type.equals("FULL_EXPORT")) {
            throw ConnectorException.invalidInput("Table '" + table + "' reads the export at " + location.uri() + " (" + location.source()
                    + "), which is an " + type + ": only a FULL_EXPORT holds every item");
        }
        try {
            return new ExportManifest(location, Instant.parse(summary.path("exportTime").asText()));
        }
        catch (DateTimeParseException e) {
            throw ConnectorException.invalidInput("Table '" + table + "': " + location.uri() + ExportLocation.SUMMARY
                    + " has no valid exportTime (" + e.getParsedString() + ")");
        }
    }

    /** The keys of the export's data files, in manifest order (an empty partition's file included: it reads no rows). */
    public List<String> dataFiles(ExportManifest manifest, String table)
    {
        ExportLocation location = manifest.location();
        List<String> files = new ArrayList<>();
        for (String line : read(location, location.filesKey(), table).split("\n")) {
            if (!line.isBlank()) {
                String key = parse(line, location, table).path("dataFileS3Key").asText("");
                if (key.isEmpty()) {
                    throw ConnectorException.invalidInput("Table '" + table + "': a line of " + location.uri() + ExportLocation.FILES
                            + " has no dataFileS3Key");
                }
                files.add(location.dataFileKey(key));
            }
        }
        return files;
    }

    private String read(ExportLocation location, String key, String table)
    {
        try {
            return s3.get().getObjectAsBytes(b -> b.bucket(location.bucket()).key(key)).asString(StandardCharsets.UTF_8);
        }
        catch (NoSuchKeyException | NoSuchBucketException e) {
            throw ConnectorException.notFound("Table '" + table + "' reads the export at " + location.uri() + " (" + location.source()
                    + "), which has no " + key.substring(key.lastIndexOf('/') + 1) + ": name the folder DynamoDB wrote the export's manifests in "
                    + "(<prefix>/AWSDynamoDB/<ExportId>/)");
        }
    }

    private static JsonNode parse(String text, ExportLocation location, String table)
    {
        try {
            return JSON.readTree(text);
        }
        catch (IOException e) {
            throw ConnectorException.invalidInput("Table '" + table + "': a manifest at " + location.uri() + " is not JSON: " + e.getMessage());
        }
    }
}
