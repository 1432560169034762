package io.github.athenaddb.sam;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.ddb.schema.ComplexColumns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SAM template's invariants, read as CloudFormation reads it (short-form tags such as
 * {@code !Sub} become their {@code Fn::} forms): exactly the IAM actions the connector needs, no
 * wildcard action, {@code *} resources only where AWS requires them, an encrypted private spill
 * bucket whose objects expire, and a function that runs this build's handler on a runtime at
 * least the compiled Java release.
 */
class SamTemplateTest
{
    private static final Path TEMPLATE = Path.of("..", "athena-ddb-connector.yaml");
    private static final Set<String> NEEDED_ACTIONS = Set.of(
            "logs:CreateLogStream", "logs:PutLogEvents",
            "dynamodb:DescribeTable", "dynamodb:Query", "dynamodb:Scan", "dynamodb:GetItem", "dynamodb:BatchGetItem",
            "dynamodb:PartiQLSelect", "dynamodb:ListTables",
            "s3:GetObject", "s3:PutObject",
            "athena:GetQueryExecution",
            "glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables",
            "secretsmanager:GetSecretValue",
            "kms:GenerateDataKey", "kms:Decrypt",
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");
    /** Actions without resource-level permissions, for which AWS requires Resource "*". */
    private static final Set<String> STAR_RESOURCE_ACTIONS = Set.of("dynamodb:ListTables", "ec2:CreateNetworkInterface",
            "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");

    private static Map<String, Object> template;
    private static Map<String, Object> resources;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load()
            throws IOException
    {
        template = new Yaml(new CloudFormationConstructor()).load(Files.readString(TEMPLATE));
        resources = (Map<String, Object>) template.get("Resources");
    }

    @Test
    void theRoleGrantsExactlyTheActionsTheConnectorNeedsAndNoWildcardAction()
    {
        List<Map<String, Object>> statements = statements();
        Set<String> actions = new TreeSet<>();
        for (Map<String, Object> statement : statements) {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            for (String action : strings(statement.get("Action"))) {
                assertThat(action).as("action").doesNotContain("*");
                actions.add(action);
            }
        }
        assertThat(actions).containsExactlyInAnyOrderElementsOf(NEEDED_ACTIONS);
    }

    @Test
    void starResourcesOnlyWhereAwsRequiresThem()
    {
        for (Map<String, Object> statement : statements()) {
            if ("*".equals(statement.get("Resource"))) {
                assertThat(strings(statement.get("Action"))).as(statement.get("Sid") + " has Resource *").isSubsetOf(STAR_RESOURCE_ACTIONS);
            }
            else {
                assertThat(String.valueOf(statement.get("Resource"))).as(String.valueOf(statement.get("Sid"))).doesNotContain(":*:*:");
            }
        }
    }

    @Test
    void dynamoDbReadsOnlyTheAllowedTablesAndTheirIndexes()
    {
        List<?> forEach = (List<?>) resources.get("Fn::ForEach::DynamoDBTablePolicies");
        assertThat(forEach.get(1)).isEqualTo(Map.of("Ref", "DynamoDBTables"));
        String text = String.valueOf(forEach.get(2));
        assertThat(text).contains(":table/${Table}}").contains(":table/${Table}/index/*}");
    }

    @Test
    void theSpillBucketIsEncryptedPrivateAndExpiresSpillObjects()
    {
        Map<String, Object> bucket = map(map(resources.get("SpillBucketResource")).get("Properties"));
        assertThat(String.valueOf(bucket.get("BucketEncryption"))).contains("SSEAlgorithm").contains("AES256").contains("aws:kms");
        assertThat(map(bucket.get("PublicAccessBlockConfiguration"))).containsOnly(
                Map.entry("BlockPublicAcls", true), Map.entry("BlockPublicPolicy", true),
                Map.entry("IgnorePublicAcls", true), Map.entry("RestrictPublicBuckets", true));
        Map<String, Object> rule = map(((List<?>) map(bucket.get("LifecycleConfiguration")).get("Rules")).get(0));
        assertThat(rule).containsEntry("Status", "Enabled").containsEntry("ExpirationInDays", Map.of("Ref", "SpillExpirationDays"));
        assertThat(map(map(template.get("Parameters")).get("DisableSpillEncryption"))).containsEntry("Default", "false");
    }

    @Test
    void theFunctionRunsThisBuildsHandlerOnARuntimeAtLeastTheCompiledRelease()
            throws Exception
    {
        Map<String, Object> function = map(map(resources.get("ConnectorFunction")).get("Properties"));
        String handler = (String) function.get("Handler");
        assertThat(Class.forName(handler)).isNotNull();
        assertThat(function.get("CodeUri")).isEqualTo("connector/target/" + shadedJarName() + ".jar");
        String runtime = (String) function.get("Runtime");
        assertThat(runtime).matches("java\\d+");
        assertThat(Integer.parseInt(runtime.substring(4))).isGreaterThanOrEqualTo(compiledRelease()).isGreaterThanOrEqualTo(21);
        assertThat(map(map(template.get("Parameters")).get("TimeoutSeconds"))).containsEntry("Default", 900);
    }

    @Test
    void everyEnvironmentVariableIsASettingTheConnectorReads()
    {
        Map<String, Object> variables = map(map(map(map(resources.get("ConnectorFunction")).get("Properties")).get("Environment")).get("Variables"));
        Set<String> known = Set.of("JAVA_TOOL_OPTIONS", "spill_bucket", "spill_prefix", "kms_key_id", "disable_spill_encryption",
                ConnectorConfig.MAX_READ_UNITS_PER_SECOND, ConnectorConfig.SCAN_GUARD_MB, GlueConfig.GLUE_CATALOG, GlueConfig.DISABLE_GLUE, "rds_connection_string",
                ComplexColumns.SETTING);
        assertThat(variables.keySet()).isSubsetOf(known);
        assertThat(variables.get("rds_connection_string").toString()).doesNotContainIgnoringCase("password");
        // Without it the first Arrow allocation fails on java17+ runtimes (the tests' JVMs get the same flag from the pom).
        assertThat(variables.get("JAVA_TOOL_OPTIONS")).isEqualTo("--add-opens=java.base/java.nio=ALL-UNNAMED");
    }

    @Test
    void theDataCatalogPointsAthenaAtTheFunction()
    {
        Map<String, Object> catalog = map(map(resources.get("DynamoDBDataCatalog")).get("Properties"));
        assertThat(catalog).containsEntry("Type", "LAMBDA").containsEntry("Name", Map.of("Ref", "CatalogName"));
        assertThat(map(catalog.get("Parameters"))).containsEntry("function", Map.of("Fn::GetAtt", List.of("ConnectorFunction", "Arn")));
    }

    /** Every statement of the role's inline policy and of the per-table and per-database policies. */
    private static List<Map<String, Object>> statements()
    {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> role = map(map(resources.get("ConnectorRole")).get("Properties"));
        for (Object policy : (List<?>) role.get("Policies")) {
            collect(map(map(policy).get("PolicyDocument")).get("Statement"), out);
        }
        for (String loop : List.of("Fn::ForEach::DynamoDBTablePolicies", "Fn::ForEach::GlueDatabasePolicies")) {
            Map<String, Object> generated = map(((List<?>) resources.get(loop)).get(2));
            for (Object resource : generated.values()) {
                collect(map(map(map(resource).get("Properties")).get("PolicyDocument")).get("Statement"), out);
            }
        }
        return out;
    }

    /** Statements, with a conditional one ({@code Fn::If [cond, statement, AWS::NoValue]}) taken as present. */
    private static void collect(Object statements, List<Map<String, Object>> out)
    {
        for (Object s : (List<?>) statements) {
            Map<String, Object> statement = map(s);
            if (statement.containsKey("Fn::If")) {
                out.add(map(((List<?>) statement.get("Fn::If")).get(1)));
            }
            else {
                out.add(statement);
            }
        }
    }

    private static List<String> strings(Object value)
    {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value)
    {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static String shadedJarName()
            throws IOException
    {
        return find(Files.readString(Path.of("pom.xml")), "<finalName>([^<]+)</finalName>");
    }

    private static int compiledRelease()
            throws IOException
    {
        return Integer.parseInt(find(Files.readString(Path.of("..", "pom.xml")), "<maven.compiler.release>(\\d+)</maven.compiler.release>"));
    }

    private static String find(String text, String regex)
    {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    /** CloudFormation's short-form intrinsic functions as their long forms: {@code !Sub x} is {@code {"Fn::Sub": x}}. */
    private static final class CloudFormationConstructor
            extends SafeConstructor
    {
        CloudFormationConstructor()
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

    @Test
    void theExampleParameterSetsNameOnlyTheTemplatesParametersAndEveryRequiredOne()
            throws IOException
    {
        Map<String, Object> parameters = map(template.get("Parameters"));
        Set<String> required = new TreeSet<>();
        parameters.forEach((name, spec) -> {
            if (!map(spec).containsKey("Default")) {
                required.add(name);
            }
        });
        List<Set<String>> sets = new ArrayList<>();
        for (String file : List.of("dynamodb-only.json", "dynamodb-and-rds-vpc.json")) {
            Set<String> keys = new TreeSet<>();
            Matcher m = Pattern.compile("\"ParameterKey\":\\s*\"(\\w+)\"").matcher(Files.readString(Path.of("..", "sam", "parameters", file)));
            while (m.find()) {
                keys.add(m.group(1));
            }
            sets.add(keys);
        }
        String samconfig = Files.readString(Path.of("..", "sam", "samconfig.toml"));
        for (String section : samconfig.split("parameter_overrides = \\[")) {
            if (section.startsWith("version") || section.startsWith("#")) {
                continue;
            }
            Set<String> keys = new TreeSet<>();
            Matcher m = Pattern.compile("\"(\\w+)=").matcher(section.substring(0, section.indexOf(']')));
            while (m.find()) {
                keys.add(m.group(1));
            }
            sets.add(keys);
        }
        assertThat(sets).hasSize(4);
        for (Set<String> keys : sets) {
            assertThat(parameters.keySet()).containsAll(keys);
            assertThat(keys).containsAll(required);
        }
    }
}
