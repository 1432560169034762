package io.github.athenaddb.ddb.export;

import static java.util.Objects.requireNonNull;

/**
 * Where an export's manifest-summary.json is: {@code <export-prefix>/AWSDynamoDB/<ExportId>/},
 * the folder DynamoDB writes its manifests in (its data files under {@code data/}).
 *
 * @param folder the key of that folder, ending with '/' (empty for the bucket's root)
 * @param source what named it (an export ARN, a setting), for error messages
 */
public record ExportLocation(String bucket, String folder, String source)
{
    static final String SUMMARY = "manifest-summary.json";
    static final String FILES = "manifest-files.json";

    public ExportLocation
    {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(source, "source is null");
        folder = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
    }

    /** The folder of a manifest key such as DescribeExport's ExportManifest. */
    static ExportLocation ofManifest(String bucket, String manifestKey, String source)
    {
        return new ExportLocation(bucket, manifestKey.substring(0, manifestKey.lastIndexOf('/') + 1), source);
    }

    /** {@code s3://bucket/prefix/AWSDynamoDB/ExportId}, with or without a trailing '/' or manifest-summary.json. */
    static ExportLocation ofUri(String uri, String source)
    {
        String path = uri.substring("s3://".length());
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String folder = slash < 0 ? "" : path.substring(slash + 1);
        if (folder.endsWith(SUMMARY)) {
            folder = folder.substring(0, folder.length() - SUMMARY.length());
        }
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("no bucket in " + uri);
        }
        return new ExportLocation(bucket, folder, source);
    }

    String summaryKey()
    {
        return folder + SUMMARY;
    }

    String filesKey()
    {
        return folder + FILES;
    }

    /**
     * A data file's key as the manifest names it. DynamoDB writes keys from the bucket's root, but
     * a key starting at AWSDynamoDB/ under a folder with an export prefix is read under that prefix.
     */
    String dataFileKey(String manifestKey)
    {
        String prefix = prefix();
        return manifestKey.startsWith(prefix) ? manifestKey : prefix + manifestKey;
    }

    /** The export prefix, the folder's part before AWSDynamoDB/: every object of the export (manifests, data files) is under it. */
    public String prefix()
    {
        int root = folder.lastIndexOf("AWSDynamoDB/");
        return root < 0 ? "" : folder.substring(0, root);
    }

    public String uri()
    {
        return "s3://" + bucket + "/" + folder;
    }
}
