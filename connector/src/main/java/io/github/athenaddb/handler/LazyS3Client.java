package io.github.athenaddb.handler;

import com.google.common.base.Suppliers;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.util.function.Supplier;

/**
 * An S3 client for the federation SDK's classes that take one ({@code S3BlockSpiller}), built on
 * its first call: most reads never spill, and building an S3 client costs a cold Lambda instance
 * about 70 ms. Only the calls the spill path makes are passed on; the others are unsupported,
 * as in any {@link S3Client} that does not implement them.
 */
final class LazyS3Client
        implements S3Client
{
    private final Supplier<S3Client> client;

    LazyS3Client(Supplier<S3Client> client)
    {
        this.client = Suppliers.memoize(client::get);
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body)
    {
        return client.get().putObject(request, body);
    }

    @Override
    public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer)
    {
        return client.get().getObject(request, transformer);
    }

    @Override
    public HeadBucketResponse headBucket(HeadBucketRequest request)
    {
        return client.get().headBucket(request);
    }

    @Override
    public S3ServiceClientConfiguration serviceClientConfiguration()
    {
        return client.get().serviceClientConfiguration();
    }

    @Override
    public String serviceName()
    {
        return SERVICE_NAME;
    }

    @Override
    public void close()
    {
        // Shared by every read of the handler, which lives as long as the function.
    }
}
