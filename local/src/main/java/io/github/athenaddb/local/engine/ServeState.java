package io.github.athenaddb.local.engine;

import java.net.URI;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * What a running {@code serve} records about itself for {@code query}: where it listens, which
 * process it is (the pid with its start time, since a pid is reused once the process is gone) and
 * the source it reads: the DynamoDB endpoint and region in plain words for people and
 * {@code --debug}, and the fingerprint of every setting that decides what a query sees
 * ({@link LocalCatalogs#fingerprint()}), which is what {@code query} compares.
 */
public record ServeState(URI baseUrl, long pid, String started, String dynamodbEndpoint, String region, String fingerprint)
{
    public ServeState
    {
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(started, "started is null");
        requireNonNull(dynamodbEndpoint, "dynamodbEndpoint is null");
        requireNonNull(region, "region is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }

    public static ServeState of(URI baseUrl, LocalCatalogs catalogs)
    {
        ProcessHandle self = ProcessHandle.current();
        return new ServeState(baseUrl, self.pid(), started(self),
                catalogs.dynamodbEndpointSetting(), catalogs.regionSetting(), catalogs.fingerprint());
    }

    /** When the process started, as the system tells it: with the pid, it names one process. */
    public static String started(ProcessHandle process)
    {
        return process.info().startInstant().orElse(Instant.EPOCH).toString();
    }

    /** The source in words, for a message: {@code http://127.0.0.1:8000 (us-east-1)}. */
    public String source()
    {
        return source(dynamodbEndpoint, region);
    }

    public static String source(String dynamodbEndpoint, String region)
    {
        return (dynamodbEndpoint.isEmpty() ? "AWS's DynamoDB" : dynamodbEndpoint) + " (" + region + ")";
    }
}
