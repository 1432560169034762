package io.github.athenaddb.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;

/** The JSON file of a bench run: what {@code --compare} reads back, and what other tools can chart. */
final class JsonResults
{
    // Unknown properties are ignored so that a file from an older or newer commit can still be compared.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private JsonResults() {}

    static void write(BenchResults results, Path file)
            throws IOException
    {
        MAPPER.writeValue(file.toFile(), results);
    }

    static BenchResults read(Path file)
            throws IOException
    {
        return MAPPER.readValue(file.toFile(), BenchResults.class);
    }

    static String toJson(BenchResults results)
            throws IOException
    {
        return MAPPER.writeValueAsString(results);
    }
}
