package io.github.athenaddb;

import com.google.common.base.Suppliers;
import io.github.athenaddb.handler.SourceMetadataHandler;
import io.github.athenaddb.handler.SpillKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The S3 client record handlers spill through. In Lambda it is the SDK's default client;
 * {@code s3_endpoint} points it elsewhere (moto_server, MinIO) with path-style addressing, which
 * local S3 APIs need.
 */
public final class SpillClients
{
    public static final String S3_ENDPOINT = "s3_endpoint";
    public static final String DISABLE_SPILL_ENCRYPTION = SpillKeys.DISABLE_SPILL_ENCRYPTION;
    public static final String KMS_ENDPOINT = "kms_endpoint";
    private static final Logger log = LoggerFactory.getLogger(SpillClients.class);

    private SpillClients() {}

    public static S3Client s3(Map<String, String> config)
    {
        String endpoint = config.get(S3_ENDPOINT);
        if (endpoint == null || endpoint.isBlank()) {
            return S3Client.create();
        }
        String region = config.getOrDefault(ConnectorConfig.REGION, ConnectorConfig.DEFAULT_REGION);
        return S3Client.builder().endpointOverride(URI.create(endpoint.trim())).forcePathStyle(true).region(Region.of(region)).build();
    }

    /** {@link #s3}, built by the first call that needs it (most reads never spill). */
    public static Supplier<S3Client> lazyS3(Map<String, String> config)
    {
        return Suppliers.memoize(() -> s3(config));
    }

    /**
     * The KMS clients of spill data keys and of the shared schema store ({@code kms_key_id}) are
     * built with {@code KmsClient.create()}; {@code kms_endpoint} reaches them as the AWS SDK's
     * per-service endpoint property. Lambda never sets it.
     */
    static Map<String, String> pointKmsClientsAt(Map<String, String> config)
    {
        pointAt(config.get(KMS_ENDPOINT), "aws.endpointUrlKms");
        return config;
    }

    private static void pointAt(String endpoint, String property)
    {
        if (endpoint != null && !endpoint.isBlank()) {
            System.setProperty(property, endpoint.trim());
        }
    }

    /** Spill encryption is on unless turned off explicitly; off is worth a warning at every start. */
    static void warnIfEncryptionOff(Map<String, String> config)
    {
        if (SpillKeys.encryptionOff(config)) {
            log.warn("Spill encryption is OFF ({}=true): results over the Lambda response limit are written to s3://{}/{} "
                    + "in plaintext", DISABLE_SPILL_ENCRYPTION, config.get(SourceMetadataHandler.SPILL_BUCKET),
                    config.getOrDefault(SourceMetadataHandler.SPILL_PREFIX, SourceMetadataHandler.DEFAULT_SPILL_PREFIX));
        }
    }
}
