package io.github.athenaddb.aws;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The IAM role the connector assumes to read DynamoDB tables of another account
 * ({@code cross_account_role_arn}, the official connector's setting), and where STS is asked
 * ({@code sts_endpoint}, for a local STS such as moto_server; AWS otherwise).
 */
public record CrossAccountRole(String roleArn, Optional<URI> stsEndpoint)
{
    /** IAM's role ARN in any partition (aws, aws-cn, aws-us-gov, ...), with an optional path. */
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

    public CrossAccountRole
    {
        requireNonNull(roleArn, "roleArn is null");
        requireNonNull(stsEndpoint, "stsEndpoint is null");
    }

    /** Whether {@code value} has the shape of a role ARN; STS itself decides whether it may be assumed. */
    public static boolean isRoleArn(String value)
    {
        return ROLE_ARN.matcher(value).matches();
    }
}
