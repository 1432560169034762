package io.github.athenaddb.devkit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * moto_server (preinstalled with moto; Python's package index is not reachable from CI) on a
 * free loopback port: AWS APIs dynalite lacks, such as DynamoDB's PartiQL ExecuteStatement.
 */
public final class MotoServer
{
    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint)
    {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Whether moto_server is on the PATH (as {@link #start} runs it), for what runs without it, such as the demo. */
    public static boolean installed()
    {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "moto_server")));
    }

    public static MotoServer start()
    {
        LocalServer server = LocalServer.start("moto_server", List.of("moto_server", "-H", "127.0.0.1"), List.of("-p", "{port}"),
                Duration.ofSeconds(60));
        return new MotoServer(server.process, server.endpoint);
    }

    public URI endpoint()
    {
        return endpoint;
    }

    /** A client for setting up a Glue Data Catalog here (not the connector's own client); moto accepts any credentials. */
    public GlueClient glue()
    {
        return GlueClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    /** A client for laying out objects here (exports, with {@link ExportLayout}): path-style, as a local S3 API needs. */
    public S3Client s3()
    {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    public void stop()
    {
        process.destroy();
    }
}
