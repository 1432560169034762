package io.github.athenaddb.sam;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A function of the SAM template as Lambda would be given it for one set of parameter values:
 * its name, handler string, runtime, memory and environment, every intrinsic resolved.
 */
record SamFunction(String name, String handler, String runtime, int memoryMb, Map<String, String> environment)
{
    SamFunction
    {
        requireNonNull(name, "name is null");
        requireNonNull(handler, "handler is null");
        requireNonNull(runtime, "runtime is null");
        environment = Map.copyOf(environment);
    }

    @SuppressWarnings("unchecked")
    static SamFunction resolve(Map<String, Object> template, String logicalId, TemplateValues values)
    {
        Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) template.get("Resources")).get(logicalId);
        if (function == null || !"AWS::Serverless::Function".equals(function.get("Type"))) {
            throw new IllegalArgumentException(logicalId + " is not an AWS::Serverless::Function of the template");
        }
        Map<String, Object> properties = (Map<String, Object>) values.evaluate(function.get("Properties"));
        Map<String, String> environment = new LinkedHashMap<>();
        Object variables = ((Map<String, Object>) properties.getOrDefault("Environment", Map.of())).get("Variables");
        if (variables != null) {
            ((Map<String, Object>) variables).forEach((k, v) -> environment.put(k, String.valueOf(v)));
        }
        return new SamFunction(String.valueOf(properties.get("FunctionName")), (String) properties.get("Handler"),
                (String) properties.get("Runtime"), Integer.parseInt(String.valueOf(properties.get("MemorySize"))), environment);
    }
}
