package io.github.athenaddb.handler;

import com.amazonaws.athena.connector.lambda.domain.spill.S3SpillLocation;
import com.amazonaws.athena.connector.lambda.domain.spill.SpillLocation;
import com.amazonaws.athena.connector.lambda.metadata.MetadataRequest;
import com.amazonaws.athena.connector.lambda.security.EncryptionKey;

import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A source's metadata handler: what each of its splits carries besides what to read, a spill
 * location of its own and the key its spilled blocks are encrypted with.
 *
 * <p>The federation SDK's {@code MetadataHandler} also builds S3, KMS, Secrets Manager and Athena
 * clients in its constructor, whatever the request: about 150 ms of the first GetTable of every
 * Lambda instance, for clients GetTable never calls. Here nothing is built before it is used.
 */
public abstract class SourceMetadataHandler
        implements MetadataSource
{
    public static final String SPILL_BUCKET = "spill_bucket";
    public static final String SPILL_PREFIX = "spill_prefix";
    public static final String DEFAULT_SPILL_PREFIX = "athena-federation-spill";

    protected final Map<String, String> configOptions;
    private final SpillKeys keys;

    protected SourceMetadataHandler(Map<String, String> configOptions)
    {
        this.configOptions = Map.copyOf(requireNonNull(configOptions, "configOptions is null"));
        this.keys = SpillKeys.fromConfig(configOptions);
    }

    /**
     * A new spill location for one split: under the spill bucket and prefix, the query's id, then
     * the split's own. The settings a request carries (a connector whose settings Athena sends)
     * come before the function's.
     */
    protected SpillLocation makeSpillLocation(MetadataRequest request)
    {
        Map<String, String> requestOptions = request.getIdentity() == null ? null : request.getIdentity().getConfigOptions();
        Map<String, String> options = requestOptions == null || requestOptions.isEmpty() ? configOptions : requestOptions;
        String bucket = nonBlank(options.get(SPILL_BUCKET), configOptions.get(SPILL_BUCKET));
        String prefix = nonBlank(options.get(SPILL_PREFIX), configOptions.getOrDefault(SPILL_PREFIX, DEFAULT_SPILL_PREFIX));
        // A prefix that already names the query (set per query by the caller) is not given the query's id twice.
        String queryId = prefix != null && prefix.contains(request.getQueryId()) ? "" : request.getQueryId();
        return S3SpillLocation.newBuilder().withBucket(bucket).withPrefix(prefix).withQueryId(queryId)
                .withSplitId(UUID.randomUUID().toString()).build();
    }

    /** The key of one split's spilled blocks; null when spill encryption is off. */
    protected EncryptionKey makeEncryptionKey()
    {
        return keys.next().orElse(null);
    }

    private static String nonBlank(String value, String otherwise)
    {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
