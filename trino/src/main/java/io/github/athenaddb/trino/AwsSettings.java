package io.github.athenaddb.trino;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.net.URI;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How this catalog reaches AWS itself (Lambda Invoke, and S3 for spilled results): a region
 * ({@code federation.region}, else the SDK's default chain), and endpoint overrides for local
 * APIs. Credentials always come from the SDK's default chain, as for any AWS client on the host.
 */
public record AwsSettings(Optional<String> region, Optional<URI> lambdaEndpoint, Optional<URI> s3Endpoint)
{
    public AwsSettings
    {
        requireNonNull(region, "region is null");
        requireNonNull(lambdaEndpoint, "lambdaEndpoint is null");
        requireNonNull(s3Endpoint, "s3Endpoint is null");
    }

    public static AwsSettings defaults()
    {
        return new AwsSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Resolved when a client is built, not at parse time: the default chain may read the instance metadata. */
    Region awsRegion()
    {
        return region.map(Region::of).orElseGet(() -> DefaultAwsRegionProviderChain.builder().build().getRegion());
    }
}
