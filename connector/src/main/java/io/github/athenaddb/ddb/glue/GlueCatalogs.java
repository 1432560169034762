package io.github.athenaddb.ddb.glue;

import io.github.athenaddb.ConnectorConfig;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.GlueClientBuilder;

import java.time.Clock;
import java.time.Duration;

/** The catalog source the configuration names: the Glue API (endpoint set explicitly, as for DynamoDB), a definitions file, or none. */
public final class GlueCatalogs
{
    private GlueCatalogs() {}

    public static CatalogSource create(GlueConfig glue, ConnectorConfig config)
    {
        return switch (glue.mode()) {
            case OFF -> CatalogSource.NONE;
            case FILE -> DefinitionsFile.read(glue.definitionsFile().orElseThrow());
            case API -> {
                GlueClientBuilder builder = GlueClient.builder().region(Region.of(config.region())).httpClientBuilder(ApacheHttpClient.builder());
                glue.endpoint().ifPresent(builder::endpointOverride);
                // Glue is asked again when the schema cache would infer again.
                yield new GlueApiCatalog(builder.build(), glue.catalogId(), Duration.ofSeconds(Math.max(1, config.schemaCacheSeconds())),
                        Clock.systemUTC());
            }
        };
    }
}
