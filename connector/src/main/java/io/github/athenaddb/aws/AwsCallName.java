package io.github.athenaddb.aws;

import software.amazon.awssdk.core.SdkRequest;

import java.util.Map;
import java.util.Optional;

/**
 * Names an AWS call for a person: the service, the operation and what it was on, e.g.
 * "DynamoDB Scan of table 'Orders' (segment 3 of 8)" or "S3 PutObject of s3://spill/q1/0". The
 * request's fields are read by their API names, so one rule serves every service.
 */
public final class AwsCallName
{
    private static final Map<String, String> SERVICES = Map.of(
            "DynamoDb", "DynamoDB", "Kms", "KMS", "SecretsManager", "Secrets Manager");

    private AwsCallName() {}

    /** @param service the SDK's service name ("DynamoDb"), @param operation its operation name ("Scan") */
    public static String of(String service, String operation, SdkRequest request)
    {
        String call = SERVICES.getOrDefault(service, service) + " " + operation;
        Optional<String> table = field(request, "TableName", String.class);
        if (table.isPresent()) {
            return call + " of table '" + table.get() + "'"
                    + field(request, "IndexName", String.class).map(i -> " on index '" + i + "'").orElse("")
                    + field(request, "Segment", Integer.class)
                            .map(s -> " (segment " + s + " of " + field(request, "TotalSegments", Integer.class).orElse(1) + ")").orElse("");
        }
        Optional<Map> items = field(request, "RequestItems", Map.class);
        if (items.isPresent() && !items.get().isEmpty()) {
            return call + " of table" + (items.get().size() == 1 ? " " : "s ") + quoted(items.get().keySet());
        }
        Optional<String> bucket = field(request, "Bucket", String.class);
        if (bucket.isPresent()) {
            return call + " of s3://" + bucket.get() + field(request, "Key", String.class).map(k -> "/" + k).orElse("");
        }
        Optional<String> secret = field(request, "SecretId", String.class);
        if (secret.isPresent()) {
            return call + " of secret '" + secret.get() + "'";
        }
        return call + field(request, "DatabaseName", String.class).map(d -> " of database '" + d + "'").orElse("");
    }

    private static String quoted(Iterable<?> names)
    {
        StringBuilder out = new StringBuilder();
        for (Object name : names) {
            out.append(out.length() == 0 ? "" : ", ").append('\'').append(name).append('\'');
        }
        return out.toString();
    }

    private static <T> Optional<T> field(SdkRequest request, String name, Class<T> type)
    {
        try {
            return request.getValueForField(name, type);
        }
        catch (ClassCastException otherType) {
            return Optional.empty();
        }
    }
}
