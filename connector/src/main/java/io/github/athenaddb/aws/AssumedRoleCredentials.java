package io.github.athenaddb.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import static java.util.Objects.requireNonNull;

/**
 * Credentials of a {@link CrossAccountRole}, from STS AssumeRole with the function's own
 * credentials. The SDK's provider keeps them and asks STS again before they expire (a session
 * lasts an hour; it refreshes from five minutes before the end), so a Lambda instance that lives
 * for hours keeps reading. STS is first asked on the first call that needs the credentials, not
 * at start, so a cold start pays nothing for it until DynamoDB is read.
 *
 * <p>When STS refuses or cannot be reached, the call fails with one line that names the setting
 * and the role, since the DynamoDB call it was for would otherwise be blamed.
 */
public final class AssumedRoleCredentials
        implements AwsCredentialsProvider, SdkAutoCloseable
{
    /** What CloudTrail of the table's account shows as the session of each read. */
    static final String SESSION_NAME = "athena-ddb-connector";

    private final CrossAccountRole role;
    private final StsAssumeRoleCredentialsProvider provider;

    private AssumedRoleCredentials(CrossAccountRole role, StsAssumeRoleCredentialsProvider provider)
    {
        this.role = requireNonNull(role, "role is null");
        this.provider = requireNonNull(provider, "provider is null");
    }

    public static AssumedRoleCredentials of(CrossAccountRole role, String region)
    {
        StsClientBuilder sts = StsClient.builder().region(Region.of(region)).httpClientBuilder(ApacheHttpClient.builder());
        role.stsEndpoint().ifPresent(sts::endpointOverride);
        return new AssumedRoleCredentials(role, StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts.build())
                .refreshRequest(r -> r.roleArn(role.roleArn()).roleSessionName(SESSION_NAME))
                .build());
    }

    @Override
    public AwsCredentials resolveCredentials()
    {
        try {
            return provider.resolveCredentials();
        }
        catch (SdkException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw SdkClientException.builder()
                    .message("Could not assume the role " + role.roleArn() + " (cross_account_role_arn) to read DynamoDB: " + reason)
                    .cause(e).build();
        }
    }

    @Override
    public void close()
    {
        provider.close();
    }
}
