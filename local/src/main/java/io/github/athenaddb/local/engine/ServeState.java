package io.github.athenaddb.local.engine;

import java.net.URI;
import java.time.Instant;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * What a running {@code serve} records about itself for {@code query}: where it listens (Trino,
 * and its endpoint for query's scripts), which
 * process it is (the pid with its start time, since a pid is reused once the process is gone) and
 * the source it reads: the DynamoDB endpoint and region in plain words for people and
 * {@code --debug}, and the fingerprint of every setting that decides what a query sees
 * ({@link LocalCatalogs#fingerprint()}), which is what {@code query} compares.
 */
public record ServeState(URI baseUrl, int scriptPort, long pid, String started, String dynamodbEndpoint, String region, String fingerprint)
{
    public ServeState
    {
        requireNonNull(baseUrl, "baseUrl is null");
        if (scriptPort <= 0) {
            // A record of an older serve, without the endpoint for query's scripts: not one to use.
            throw new IllegalArgumentException("scriptPort is " + scriptPort);
        }
        requireNonNull(started, "started is null");
        requireNonNull(dynamodbEndpoint, "dynamodbEndpoint is null");
        requireNonNull(region, "region is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }

    /** @param scriptPort where the serve runs athena-local query's scripts, on 127.0.0.1 */
    public static ServeState of(URI baseUrl, int scriptPort, LocalCatalogs catalogs)
    {
        ProcessHandle self = ProcessHandle.current();
        return new ServeState(baseUrl, scriptPort, self.pid(), started(self),
                catalogs.dynamodbEndpointSetting(), catalogs.regionSetting(), catalogs.fingerprint());
    }

    /** As {@code serve} records it: plain properties, so that a query reads it without a JSON library (~0.1 s of its start). */
    public Properties toProperties()
    {
        Properties properties = new Properties();
        properties.setProperty("baseUrl", baseUrl.toString());
        properties.setProperty("scriptPort", Integer.toString(scriptPort));
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("started", started);
        properties.setProperty("dynamodbEndpoint", dynamodbEndpoint);
        properties.setProperty("region", region);
        properties.setProperty("fingerprint", fingerprint);
        return properties;
    }

    /** @throws IllegalArgumentException when one is missing or malformed (a record of another version, a partial file) */
    public static ServeState fromProperties(Properties properties)
    {
        return new ServeState(URI.create(required(properties, "baseUrl")), Integer.parseInt(required(properties, "scriptPort")),
                Long.parseLong(required(properties, "pid")), required(properties, "started"), required(properties, "dynamodbEndpoint"),
                required(properties, "region"), required(properties, "fingerprint"));
    }

    private static String required(Properties properties, String name)
    {
        String value = properties.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
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
