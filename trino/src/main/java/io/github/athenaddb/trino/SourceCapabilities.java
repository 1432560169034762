package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.metadata.optimizations.DataSourceOptimizations;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.OptimizationSubType;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.pushdown.LimitPushdownSubType;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.pushdown.TopNPushdownSubType;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.querypassthrough.QueryPassthrough;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a source declares in GetDataSourceCapabilities, read as Athena reads it: only a declared
 * pushdown is sent, and a query passthrough function is known by its schema, name and arguments.
 */
record SourceCapabilities(Map<String, List<OptimizationSubType>> declared)
{
    SourceCapabilities
    {
        declared = Map.copyOf(requireNonNull(declared, "declared is null"));
    }

    /** A passthrough function as declared: the key its arguments name ({@code schemaFunctionName}), and its argument names. */
    record PassthroughFunction(String signature, List<String> arguments) {}

    boolean limitPushdown()
    {
        return has(DataSourceOptimizations.SUPPORTS_LIMIT_PUSHDOWN.getOptimization(), LimitPushdownSubType.INTEGER_CONSTANT.getSubType());
    }

    boolean topNPushdown()
    {
        return has(DataSourceOptimizations.SUPPORTS_TOP_N_PUSHDOWN.getOptimization(), TopNPushdownSubType.SUPPORTS_ORDER_BY.getSubType());
    }

    /** The passthrough function {@code schema.name} (case-insensitive), if the source declares it. */
    Optional<PassthroughFunction> passthrough(String schema, String name)
    {
        for (Map.Entry<String, List<OptimizationSubType>> capability : declared.entrySet()) {
            List<OptimizationSubType> subTypes = capability.getValue();
            if (matches(subTypes, QueryPassthrough.QUERY_PASSTHROUGH_SCHEMA, schema) && matches(subTypes, QueryPassthrough.QUERY_PASSTHROUGH_NAME, name)) {
                List<String> arguments = subTypes.stream()
                        .filter(s -> s.getSubType().equals(QueryPassthrough.QUERY_PASSTHROUGH_ARGUMENTS.getValue()))
                        .findFirst().map(OptimizationSubType::getProperties).orElse(List.of());
                return Optional.of(new PassthroughFunction(capability.getKey(), List.copyOf(arguments)));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(List<OptimizationSubType> subTypes, QueryPassthrough kind, String expected)
    {
        return subTypes.stream().anyMatch(s -> s.getSubType().equals(kind.getValue()) && s.getProperties().size() == 1
                && s.getProperties().get(0).toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT)));
    }

    private boolean has(String optimization, String subType)
    {
        List<OptimizationSubType> subTypes = declared.get(optimization);
        return subTypes != null && subTypes.stream().anyMatch(s -> s.getSubType().equals(subType));
    }
}
