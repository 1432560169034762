package io.github.athenaddb.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Lambda's Java runtime sends back when a handler throws, in its shape: the message, the
 * class, the stack as "class.method(File:line)" strings, and the same for each cause. Athena
 * shows this to the user, so tests assert on it rather than on the exception object.
 */
public final class LambdaErrorPayload
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaErrorPayload() {}

    public static String of(Throwable thrown)
    {
        try {
            return JSON.writeValueAsString(fields(thrown));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> fields(Throwable t)
    {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("errorMessage", t.getMessage());
        payload.put("errorType", t.getClass().getName());
        payload.put("stackTrace", Arrays.stream(t.getStackTrace()).map(StackTraceElement::toString).toList());
        if (t.getCause() != null && t.getCause() != t) {
            payload.put("cause", fields(t.getCause()));
        }
        return payload;
    }
}
