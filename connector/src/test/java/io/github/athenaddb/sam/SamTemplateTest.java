package io.github.athenaddb.sam;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.ddb.glue.GlueConfig;
import io.github.athenaddb.ddb.schema.ComplexColumns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    private static final Set<String> NEEDED_ACTIONS = Set.of(
            "logs:CreateLogStream", "logs:PutLogEvents",
            "dynamodb:DescribeTable", "dynamodb:Query", "dynamodb:Scan", "dynamodb:GetItem", "dynamodb:BatchGetItem",
            "dynamodb:PartiQLSelect", "dynamodb:ListTables",
            "dynamodb:DescribeStream", "dynamodb:GetShardIterator", "dynamodb:GetRecords", "dynamodb:ListStreams",
            "dynamodb:ListExports", "dynamodb:DescribeExport",
            "s3:GetObject", "s3:PutObject", "s3:ListBucket",
            "athena:GetQueryExecution",
            "glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables",
            "secretsmanager:GetSecretValue",
            "kms:GenerateDataKey", "kms:Decrypt",
            "sts:AssumeRole",
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");
    /** Actions without resource-level permissions, for which AWS requires Resource "*". */
    private static final Set<String> STAR_RESOURCE_ACTIONS = Set.of("dynamodb:ListTables", "dynamodb:ListStreams", "dynamodb:ListExports",
            "ec2:CreateNetworkInterface",
            "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");

    private static Map<String, Object> template;
    private static Map<String, Object> resources;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load()
            throws IOException
    {
        template = CloudFormationYaml.load(CloudFormationYaml.TEMPLATE);
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
        assertThat(text).contains(":table/${Table}}").contains(":table/${Table}/index/*}").contains(":table/${Table}/stream/*}");
    }

    /** {@code <table>$export}: nothing without ExportBucket, and S3 reads under the export prefix only. */
    @Test
    void exportsAreReadOnlyUnderTheExportPrefixAndOnlyWhenABucketIsGiven()
    {
        assertThat(map(template.get("Conditions")).get("UseExports"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "ExportBucket"), "")))));
        assertThat(map(map(template.get("Parameters")).get("ExportBucket"))).containsEntry("Default", "");
        Map<String, Map<String, Object>> exportStatements = new java.util.HashMap<>();
        Map<String, Object> role = map(map(resources.get("ConnectorRole")).get("Properties"));
        List<Object> rolePolicy = new ArrayList<>((List<?>) map(map(((List<?>) role.get("Policies")).get(0)).get("PolicyDocument")).get("Statement"));
        Map<String, Object> tablePolicy = map(((List<?>) resources.get("Fn::ForEach::DynamoDBTablePolicies")).get(2));
        tablePolicy.values().forEach(r -> rolePolicy.addAll((List<?>) map(map(map(r).get("Properties")).get("PolicyDocument")).get("Statement")));
        for (Object s : rolePolicy) {
            List<?> conditional = (List<?>) map(s).get("Fn::If");
            if (conditional != null && "UseExports".equals(conditional.get(0))) {
                Map<String, Object> statement = map(conditional.get(1));
                exportStatements.put(String.valueOf(statement.get("Sid")), statement);
            }
        }
        assertThat(exportStatements).containsOnlyKeys("DynamoDBListExports", "DynamoDBDescribeExport", "ExportObjects", "ExportListing");
        assertThat(exportStatements.get("ExportObjects").get("Resource"))
                .isEqualTo(Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::${ExportBucket}/${ExportPrefix}*"));
        assertThat(exportStatements.get("ExportListing").get("Condition"))
                .isEqualTo(Map.of("StringLike", Map.of("s3:prefix", Map.of("Fn::Sub", "${ExportPrefix}*"))));
        assertThat(String.valueOf(exportStatements.get("DynamoDBDescribeExport").get("Resource"))).contains(":table/${Table}/export/*");
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
        assertThat(map(map(template.get("Parameters")).get("LambdaTimeout"))).containsEntry("Default", 900);
    }

    @Test
    void everyEnvironmentVariableIsASettingTheConnectorReads()
    {
        Map<String, Object> variables = map(map(map(map(resources.get("ConnectorFunction")).get("Properties")).get("Environment")).get("Variables"));
        Set<String> known = Set.of("JAVA_TOOL_OPTIONS", "spill_bucket", "spill_prefix", "kms_key_id", "disable_spill_encryption",
                ConnectorConfig.MAX_READ_UNITS_PER_SECOND, ConnectorConfig.SCAN_GUARD_MB, GlueConfig.GLUE_CATALOG, GlueConfig.DISABLE_GLUE, "rds_connection_string",
                ComplexColumns.SETTING, ConnectorConfig.CROSS_ACCOUNT_ROLE_ARN);
        assertThat(variables.keySet()).isSubsetOf(known);
        assertThat(variables.get("rds_connection_string").toString()).doesNotContainIgnoringCase("password");
        // Without it the first Arrow allocation fails on java17+ runtimes (the tests' JVMs get the same flag from the pom).
        // C1 only: a faster cold start (sam/README.md).
        assertThat(variables.get("JAVA_TOOL_OPTIONS")).isEqualTo("--add-opens=java.base/java.nio=ALL-UNNAMED -XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    }

    @Test
    void theDataCatalogPointsAthenaAtTheFunction()
    {
        Map<String, Object> catalog = map(map(resources.get("DynamoDBDataCatalog")).get("Properties"));
        assertThat(catalog).containsEntry("Type", "LAMBDA").containsEntry("Name", Map.of("Ref", "AthenaCatalogName"));
        // The function itself, or with SnapStart its alias (only published versions are snapshotted).
        assertThat(map(catalog.get("Parameters"))).containsEntry("function", Map.of("Fn::If", List.of("UseSnapStart",
                Map.of("Ref", "ConnectorFunction.Alias"), Map.of("Fn::GetAtt", List.of("ConnectorFunction", "Arn")))));
        assertThat(map(map(resources.get("RdsDataCatalog")).get("Properties")).get("Parameters")).isEqualTo(catalog.get("Parameters"));
    }

    @Test
    void snapStartIsOffUnlessAskedForAndAppliesToTheAliasesVersions()
    {
        Map<String, Object> parameter = map(map(template.get("Parameters")).get("SnapStart"));
        assertThat(parameter).containsEntry("Default", "None").containsEntry("AllowedValues", List.of("None", "PublishedVersions"));
        Map<String, Object> function = map(map(resources.get("ConnectorFunction")).get("Properties"));
        assertThat(function).containsEntry("AutoPublishAlias", "live").containsEntry("SnapStart", Map.of("ApplyOn", Map.of("Ref", "SnapStart")));
        assertThat(map(template.get("Conditions")).get("UseSnapStart")).isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "SnapStart"), "PublishedVersions")));
    }

    @Test
    void usesTheOfficialServerlessRepoAppsParameterNamesAndNoneOfTheOldOnes()
    {
        Set<String> parameters = map(template.get("Parameters")).keySet();
        assertThat(parameters).containsAll(List.of("AthenaCatalogName", "SpillBucket", "SpillPrefix", "LambdaTimeout", "LambdaMemory",
                "DisableSpillEncryption", "KMSKeyId", "PermissionsBoundaryARN", "LambdaRole", "SecretNamePrefix", "SubnetIds",
                "SecurityGroupIds"));
        assertThat(parameters).doesNotContainAnyElementsOf(List.of("CatalogName", "TimeoutSeconds", "MemorySize", "KmsKeyArn",
                "JdbcSecretName"));
    }

    @Test
    void anExistingLambdaRoleReplacesTheRoleAndEveryPolicyTheStackWouldCreate()
    {
        Map<String, Object> conditions = map(template.get("Conditions"));
        assertThat(conditions.get("CreateRole")).isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "LambdaRole"), "")));
        assertThat(map(resources.get("ConnectorRole"))).containsEntry("Condition", "CreateRole");
        assertThat(map(map(resources.get("ConnectorFunction")).get("Properties")).get("Role")).isEqualTo(
                Map.of("Fn::If", List.of("CreateRole", Map.of("Fn::GetAtt", List.of("ConnectorRole", "Arn")), Map.of("Ref", "LambdaRole"))));
        // Each generated policy attaches to the created role, so it exists only with it.
        assertThat(map(((List<?>) resources.get("Fn::ForEach::DynamoDBTablePolicies")).get(2)).values())
                .allSatisfy(policy -> assertThat(map(policy)).containsEntry("Condition", "CreateRole"));
        assertThat(map(((List<?>) resources.get("Fn::ForEach::GlueDatabasePolicies")).get(2)).values())
                .allSatisfy(policy -> assertThat(map(policy)).containsEntry("Condition", "CreateGluePolicies"));
        assertThat(String.valueOf(conditions.get("CreateGluePolicies"))).contains("CreateRole").contains("UseGlue");
        resources.forEach((name, resource) -> {
            if (resource instanceof Map<?, ?> r && "AWS::IAM::RolePolicy".equals(r.get("Type"))) {
                assertThat(r.get("Condition")).as(name).isNotNull();
            }
        });
    }

    @Test
    void theCreatedRoleTakesThePermissionsBoundary()
    {
        assertThat(map(map(resources.get("ConnectorRole")).get("Properties")).get("PermissionsBoundary")).isEqualTo(
                Map.of("Fn::If", List.of("HasPermissionsBoundary", Map.of("Ref", "PermissionsBoundaryARN"), Map.of("Ref", "AWS::NoValue"))));
    }

    /** The Serverless Application Repository refuses to publish without these; its two URLs are files it uploads. */
    @Test
    void theServerlessRepoMetadataIsCompleteAndPointsAtFilesOfThisRepository()
    {
        Map<String, Object> app = map(map(template.get("Metadata")).get("AWS::ServerlessRepo::Application"));
        assertThat(app).containsKeys("Name", "Description", "Author", "SpdxLicenseId", "LicenseUrl", "ReadmeUrl", "Labels",
                "HomePageUrl", "SemanticVersion", "SourceCodeUrl");
        assertThat(app).containsEntry("SpdxLicenseId", "Apache-2.0");
        assertThat(Path.of("..").resolve((String) app.get("LicenseUrl"))).content().contains("Apache License").contains("Version 2.0");
        assertThat(Path.of("..").resolve((String) app.get("ReadmeUrl"))).exists();
        assertThat((String) app.get("SemanticVersion")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(strings(app.get("Labels"))).contains("athena-federation");
    }

    /** IAM matches table names case-sensitively: the samples must name the example's table exactly as created. */
    @Test
    void theExampleParameterSetsGrantTheExampleTableByItsExactName()
            throws IOException
    {
        Matcher name = Pattern.compile("\"TableName\":\\s*\"([^\"]+)\"").matcher(Files.readString(Path.of("..", "examples", "ecommerce", "table.json")));
        assertThat(name.find()).isTrue();
        for (Path sample : List.of(Path.of("..", "sam", "samconfig.toml"), Path.of("..", "sam", "parameters", "dynamodb-only.json"),
                Path.of("..", "sam", "parameters", "dynamodb-and-rds-vpc.json"))) {
            Matcher tables = Pattern.compile("DynamoDBTables(?:=|\",\\s*\"ParameterValue\":\\s*\")([^\"]+)\"").matcher(Files.readString(sample));
            int found = 0;
            while (tables.find()) {
                assertThat(List.of(tables.group(1).split(","))).as(sample.toString()).contains(name.group(1));
                found++;
            }
            assertThat(found).as(sample.toString()).isPositive();
        }
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
