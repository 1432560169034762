package io.github.athenaddb.sam;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A CloudFormation template read as CloudFormation reads it: short-form intrinsic functions
 * become their long forms ({@code !Sub x} is {@code {"Fn::Sub": x}}).
 */
final class CloudFormationYaml
{
    /** The SAM template at the repository root, from the connector module's directory. */
    static final Path TEMPLATE = Path.of("..", "athena-ddb-connector.yaml");

    private CloudFormationYaml() {}

    static Map<String, Object> load(Path template)
            throws IOException
    {
        return new Yaml(new Constructor()).load(Files.readString(template));
    }

    private static final class Constructor
            extends SafeConstructor
    {
        Constructor()
        {
            super(new LoaderOptions());
            for (String function : List.of("Sub", "GetAtt", "If", "Equals", "Not", "And", "Or", "Join", "Split", "Select",
                    "FindInMap", "Base64", "Cidr", "ImportValue", "GetAZs")) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
        }

        private final class Intrinsic
                extends AbstractConstruct
        {
            private final String name;

            Intrinsic(String name)
            {
                this.name = name;
            }

            @Override
            public Object construct(Node node)
            {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = name.equals("Fn::GetAtt") ? List.of(scalar.getValue().split("\\.", 2)) : scalar.getValue();
                }
                else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                }
                else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(name, value);
            }
        }
    }
}
