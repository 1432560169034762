package io.github.athenaddb.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.ErrorTranslator;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Replaces {@code ${name}} in a connection string with the secret of that name. A secret that is
 * a JSON object with {@code username} and {@code password} (as RDS creates them) becomes
 * {@code user=...&password=...} (URL-encoded); any other secret is inserted as it is. Secrets
 * are kept per Lambda instance and never logged; an error names the secret, not its value.
 */
public final class SecretReferences
{
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<SecretsManagerClient> client;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public SecretReferences(Supplier<SecretsManagerClient> client)
    {
        this.client = requireNonNull(client, "client is null");
    }

    public String resolve(String connectionString)
    {
        Matcher m = REFERENCE.matcher(connectionString);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(secret(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String secret(String name)
    {
        return cache.computeIfAbsent(name, n -> {
            String value;
            try {
                value = client.get().getSecretValue(b -> b.secretId(n)).secretString();
            }
            catch (SdkClientException e) {
                // Secrets Manager did not answer (unreachable, out of time): the message names the call and the endpoint.
                throw ErrorTranslator.translate(e);
            }
            catch (SdkException e) {
                throw ConnectorException.accessDenied("Cannot read secret '" + n + "' from Secrets Manager: "
                        + e.getClass().getSimpleName() + ". Check that it exists and that the function may call secretsmanager:GetSecretValue on it.");
            }
            if (value == null) {
                throw ConnectorException.invalidInput("Secret '" + n + "' has no string value");
            }
            return asConnectionParameters(value);
        });
    }

    static String asConnectionParameters(String secret)
    {
        String trimmed = secret.trim();
        if (!trimmed.startsWith("{")) {
            return secret;
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            if (node.hasNonNull("username") && node.hasNonNull("password")) {
                return "user=" + URLEncoder.encode(node.get("username").asText(), StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(node.get("password").asText(), StandardCharsets.UTF_8);
            }
        }
        catch (java.io.IOException ignored) {
            // not JSON after all: inserted as it is
        }
        return secret;
    }
}
