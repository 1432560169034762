package io.github.athenaddb.sam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Evaluates a template's values as CloudFormation would for one set of parameter values: Ref,
 * the condition functions, Fn::If, Fn::Join, Fn::Select, Fn::Split, Fn::Sub and Fn::GetAtt, with
 * {@code AWS::NoValue} dropping the key or item that holds it. Resources that would exist only
 * after a deploy (a created bucket's name, a role's ARN) take the values given as physical IDs.
 * Anything else fails, naming what it could not evaluate, so a template change this does not
 * know is noticed rather than read wrong.
 */
final class TemplateValues
{
    private static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Map<String, Object> template;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, String> physicalIds;

    /**
     * @param parameterValues values for parameters; the others take their defaults
     * @param physicalIds what a resource's Ref ({@code Name}) or attribute ({@code Name.Attribute}) would be
     */
    @SuppressWarnings("unchecked")
    TemplateValues(Map<String, Object> template, Map<String, String> parameterValues, Map<String, String> physicalIds)
    {
        this.template = requireNonNull(template, "template is null");
        this.physicalIds = Map.copyOf(physicalIds);
        Map<String, Object> declared = (Map<String, Object>) template.get("Parameters");
        for (String given : parameterValues.keySet()) {
            if (!declared.containsKey(given)) {
                throw new IllegalArgumentException("the template has no parameter " + given);
            }
        }
        declared.forEach((name, spec) -> {
            Map<String, Object> parameter = (Map<String, Object>) spec;
            String value = parameterValues.containsKey(name) ? parameterValues.get(name)
                    : parameter.containsKey("Default") ? String.valueOf(parameter.get("Default")) : null;
            if (value == null) {
                throw new IllegalArgumentException("parameter " + name + " has no default: give it a value");
            }
            String type = String.valueOf(parameter.get("Type"));
            parameters.put(name, type.equals("CommaDelimitedList") || type.startsWith("List<") ? List.of(value.split(",", -1)) : value);
        });
    }

    /** The value of a template fragment, or null when it is {@code AWS::NoValue}. */
    Object evaluate(Object node)
    {
        Object value = eval(node);
        return value == NO_VALUE ? null : value;
    }

    boolean condition(String name)
    {
        Object definition = ((Map<?, ?>) template.get("Conditions")).get(name);
        if (definition == null) {
            throw new IllegalArgumentException("no condition " + name);
        }
        return (Boolean) eval(definition);
    }

    private Object eval(Object node)
    {
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object value = eval(item);
                if (value != NO_VALUE) {
                    out.add(value);
                }
            }
            return out;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        if (map.size() == 1) {
            String key = (String) map.keySet().iterator().next();
            Object argument = map.get(key);
            if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
                return function(key, argument);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            Object value = eval(v);
            if (value != NO_VALUE) {
                out.put((String) k, value);
            }
        });
        return out;
    }

    private Object function(String name, Object argument)
    {
        List<?> args = argument instanceof List<?> list ? list : List.of(argument);
        return switch (name) {
            case "Ref" -> ref((String) argument);
            case "Condition" -> condition((String) argument);
            case "Fn::If" -> condition((String) args.get(0)) ? eval(args.get(1)) : eval(args.get(2));
            case "Fn::Equals" -> String.valueOf(eval(args.get(0))).equals(String.valueOf(eval(args.get(1))));
            case "Fn::Not" -> !(Boolean) eval(args.get(0));
            case "Fn::And" -> args.stream().allMatch(a -> (Boolean) eval(a));
            case "Fn::Or" -> args.stream().anyMatch(a -> (Boolean) eval(a));
            case "Fn::Join" -> String.join((String) args.get(0), ((List<?>) eval(args.get(1))).stream().map(String::valueOf).toList());
            case "Fn::Select" -> ((List<?>) eval(args.get(1))).get(Integer.parseInt(String.valueOf(eval(args.get(0)))));
            case "Fn::Split" -> List.of(((String) eval(args.get(1))).split(Pattern.quote((String) args.get(0)), -1));
            case "Fn::GetAtt" -> physicalId(args.get(0) + "." + args.get(1));
            case "Fn::Sub" -> sub(args);
            default -> throw new IllegalArgumentException("cannot evaluate " + name);
        };
    }

    private Object ref(String name)
    {
        return switch (name) {
            case "AWS::NoValue" -> NO_VALUE;
            case "AWS::Region" -> "us-east-1";
            case "AWS::AccountId" -> "123456789012";
            case "AWS::Partition" -> "aws";
            default -> parameters.containsKey(name) ? parameters.get(name) : physicalId(name);
        };
    }

    private String physicalId(String name)
    {
        String id = physicalIds.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no physical ID given for " + name);
        }
        return id;
    }

    private String sub(List<?> args)
    {
        Map<?, ?> variables = args.size() > 1 ? (Map<?, ?>) args.get(1) : Map.of();
        Matcher m = SUB_VARIABLE.matcher((String) args.get(0));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            Object value = variables.containsKey(variable) ? eval(variables.get(variable))
                    : variable.contains(".") ? physicalId(variable) : ref(variable);
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        return m.appendTail(out).toString();
    }
}
