package io.github.athenaddb.sam;

import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.EmbeddedPostgresDb;
import io.github.athenaddb.devkit.LambdaRuntimeApi;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.MotoServer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.github.athenaddb.devkit.Tables.load;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static io.github.athenaddb.devkit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deploy as Lambda's java21 runtime would run it, offline: Lambda's own runtime client
 * ({@link AWSLambda}, the main class of that runtime) starts in a fresh JVM with the handler
 * string, environment and JAVA_TOOL_OPTIONS of the SAM template's function, finds the handler in
 * the shaded jar unpacked as Lambda unpacks it (the task root is the working directory), and
 * polls a Runtime API this test serves on 127.0.0.1. Athena's calls go through it: GetTable, then
 * layout, splits and ReadRecords, whose blocks spill to S3 (moto_server) under the template's
 * prefix. Nothing here names the handler or a setting: a handler string, an --add-opens or a
 * setting name that the template gets wrong fails this test.
 */
class LambdaRuntimeIT
{
    private static final String TABLE = "Runtime-Items";
    /** What the stack's created spill bucket would be called: the template refers to it by Ref. */
    private static final String CREATED_BUCKET = "athena-ddb-spillbucketresource-1a2b3c";
    private static final String SPILL_PREFIX = "runtime-it-spill";
    /** Parameter values chosen unlike the code's defaults, so that each setting they feed shows whether it arrived. */
    private static final Map<String, String> PARAMETERS = Map.of(
            "AthenaCatalogName", AthenaSequence.CATALOG,
            "DynamoDBTables", TABLE,
            "SpillPrefix", SPILL_PREFIX,
            "DisableSpillEncryption", "true",
            "ComplexColumns", "json",
            "LambdaMemory", "1024");

    private static final StaticCredentialsProvider TEST_KEYS = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private static Dynalite dynalite;
    private static MotoServer moto;
    private static S3Client s3;
    private static Path taskRoot;
    private static SamFunction function;

    @BeforeAll
    static void deployLocally()
            throws Exception
    {
        Map<String, Object> template = CloudFormationYaml.load(CloudFormationYaml.TEMPLATE);
        function = SamFunction.resolve(template, "ConnectorFunction",
                new TemplateValues(template, PARAMETERS, Map.of("SpillBucketResource", CREATED_BUCKET,
                        "ConnectorRole.Arn", "arn:aws:iam::123456789012:role/athena-ddb-connectorrole")));
        dynalite = Dynalite.start();
        moto = MotoServer.start();
        s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        s3.createBucket(b -> b.bucket(CREATED_BUCKET));
        DynamoDbClient dynamo = dynalite.client();
        dynamo.createTable(table(TABLE, "Id", ScalarAttributeType.S).build());
        load(dynamo, TABLE, List.of(
                Map.of("Id", s("a"), "Qty", n("1"), "Tags", AttributeValue.fromM(Map.of("color", s("red")))),
                Map.of("Id", s("b"), "Qty", n("2.5"), "Tags", AttributeValue.fromM(Map.of("color", s("blue"))))));
        taskRoot = unpack(Path.of("target", "athena-ddb-connector-lambda.jar"), Path.of("target", "lambda-task"));
    }

    @AfterAll
    static void stop()
    {
        if (dynalite != null) {
            dynalite.stop();
        }
        if (moto != null) {
            moto.stop();
        }
    }

    @Test
    void theTemplatesFunctionAnswersGetTableAndReadRecordsUnderLambdasRuntimeClient()
            throws Exception
    {
        assertThat(function.runtime()).isEqualTo("java21");
        try (LambdaRuntimeApi api = LambdaRuntimeApi.start(function.name());
                RunningFunction running = RunningFunction.start(api, function.handler(), function.environment(), "ok");
                LambdaWire wire = new LambdaWire(running.asHandler())) {
            AthenaSequence athena = new AthenaSequence(wire);
            GetTableResponse table = athena.getTable(TABLE.toLowerCase());
            // complex_columns=json: a map attribute is one JSON varchar column, not a struct.
            assertThat(table.getSchema().findField("Tags").getType()).as(running.log()).isEqualTo(ArrowType.Utf8.INSTANCE);

            // An inline limit of one byte makes every block spill, to the template's bucket and prefix.
            AthenaSequence spilling = athena.withSpill(s3, 1024 * 1024, 1);
            List<Map<String, Object>> rows = new ArrayList<>(spilling.scan(TABLE.toLowerCase()));
            rows.sort(Comparator.comparing(r -> (String) r.get("id")));
            assertThat(rows).as(running.log()).containsExactly(
                    Map.of("id", "a", "qty", new BigDecimal("1.000000000"), "tags", "{\"color\":\"red\"}"),
                    Map.of("id", "b", "qty", new BigDecimal("2.500000000"), "tags", "{\"color\":\"blue\"}"));
            assertThat(spilling.spilledBlocks()).isPositive();
            List<String> keys = s3.listObjectsV2(b -> b.bucket(CREATED_BUCKET)).contents().stream().map(S3Object::key).toList();
            assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).startsWith(SPILL_PREFIX + "/"));
            // disable_spill_encryption=true reached the connector under that name: it warns at start.
            assertThat(running.log()).contains("Spill encryption is OFF");
            // The flag came from the template's JAVA_TOOL_OPTIONS, not from this command line.
            assertThat(running.log()).contains("Picked up JAVA_TOOL_OPTIONS: " + function.environment().get("JAVA_TOOL_OPTIONS"));
        }
    }

    /**
     * What the shaded jar must still hold, each part exercised under the runtime client: a
     * Glue-declared table (Glue client), spill encrypted with data keys from KMS (S3, KMS,
     * BouncyCastle's AES-GCM), the DynamoDB client signing with a cross-account role's keys (STS),
     * and the relational source (PostgreSQL driver) whose credentials are a Secrets Manager
     * reference. Shading that leaves out a class one of them needs fails here, not in Lambda.
     */
    @Test
    void everyServiceTheTemplateCanTurnOnWorksFromTheShippedJar()
            throws Exception
    {
        String keyArn;
        try (KmsClient kms = KmsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(TEST_KEYS).build()) {
            keyArn = kms.createKey(b -> b.description("runtime-it spill keys")).keyMetadata().arn();
        }
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(TEST_KEYS).build()) {
            secrets.createSecret(b -> b.name("runtime-db").secretString("{\"username\":\"" + EmbeddedPostgresDb.USER + "\",\"password\":\""
                    + EmbeddedPostgresDb.PASSWORD + "\"}"));
        }
        try (GlueClient glue = moto.glue()) {
            glue.createDatabase(b -> b.databaseInput(DatabaseInput.builder().name("declared").locationUri("dynamo-db-flag").build()));
            glue.createTable(b -> b.databaseName("declared").tableInput(TableInput.builder().name("items")
                    .parameters(Map.of("classification", "dynamodb", "sourceTable", TABLE))
                    .storageDescriptor(StorageDescriptor.builder().columns(
                            Column.builder().name("id").type("string").build(),
                            Column.builder().name("qty").type("decimal(10,2)").build()).build()).build()));
        }
        EmbeddedPostgresDb db = EmbeddedPostgresDb.newDatabase();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE events (id integer PRIMARY KEY, note text)");
            st.execute("INSERT INTO events VALUES (1, 'first'), (2, 'second')");
        }
        Map<String, Object> template = CloudFormationYaml.load(CloudFormationYaml.TEMPLATE);
        Map<String, String> parameters = new HashMap<>(PARAMETERS);
        String bucket = "runtime-it-existing-bucket";
        s3.createBucket(b -> b.bucket(bucket));
        parameters.putAll(Map.of("DisableSpillEncryption", "false", "ComplexColumns", "native", "SpillBucket", bucket,
                "KMSKeyId", keyArn, "GlueDatabases", "declared", "CrossAccountRoleArn", "arn:aws:iam::111111111111:role/athena-reader",
                "JdbcConnectionString", db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "${runtime-db}", "SecretNamePrefix", "runtime-db"));
        SamFunction full = SamFunction.resolve(template, "ConnectorFunction", new TemplateValues(template, parameters,
                Map.of("SpillBucketResource", CREATED_BUCKET, "ConnectorRole.Arn", "arn:aws:iam::123456789012:role/athena-ddb-connectorrole")));
        String endpoint = moto.endpoint().toString();
        Map<String, String> endpoints = Map.of("glue_endpoint", endpoint, "kms_endpoint", endpoint, "sts_endpoint", endpoint,
                "secretsmanager_endpoint", endpoint);
        try (LambdaRuntimeApi api = LambdaRuntimeApi.start(full.name());
                RunningFunction running = RunningFunction.start(api, full.handler(), full.environment(), endpoints, "every-service");
                LambdaWire wire = new LambdaWire(running.asHandler())) {
            AthenaSequence athena = new AthenaSequence(wire);
            // Glue's declaration, not inference: qty is decimal(10,2).
            GetTableResponse declared = athena.getTable("declared", "items");
            assertThat(declared.getSchema().findField("qty").getType()).as(running.log()).isEqualTo(new ArrowType.Decimal(10, 2, 128));

            AthenaSequence spilling = athena.withSpill(s3, 1024 * 1024, 1);
            List<Map<String, Object>> rows = new ArrayList<>();
            spilling.read("declared", "items", declared.getSchema(), new Constraints(Map.of(), List.of(), List.of(), -1, Map.of(), null), 1,
                    block -> rows.addAll(AthenaSequence.rows(block)));
            assertThat(rows).as(running.log()).containsExactlyInAnyOrder(Map.of("id", "a", "qty", new BigDecimal("1.00")),
                    Map.of("id", "b", "qty", new BigDecimal("2.50")));
            assertThat(spilling.spilledBlocks()).isPositive();
            // Native complex columns put "blue" into the scanned table's blocks; encrypted, no spilled object shows it.
            assertThat(spilling.scan(TABLE.toLowerCase())).hasSize(2);
            List<String> keys = s3.listObjectsV2(b -> b.bucket(bucket).prefix(SPILL_PREFIX + "/")).contents().stream()
                    .map(S3Object::key).toList();
            assertThat(keys).isNotEmpty();
            for (String key : keys) {
                assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.ISO_8859_1)).doesNotContain("blue");
            }
            assertThat(running.log()).doesNotContain("Spill encryption is OFF");

            AthenaSequence rds = new AthenaSequence(wire, "rds");
            GetTableResponse events = rds.getTable("public", "events");
            List<Map<String, Object>> eventRows = new ArrayList<>();
            rds.read("public", "events", events.getSchema(), new Constraints(Map.of(), List.of(), List.of(), -1, Map.of(), null), 1,
                    block -> eventRows.addAll(AthenaSequence.rows(block)));
            assertThat(eventRows).as(running.log()).containsExactlyInAnyOrder(Map.of("id", 1, "note", "first"), Map.of("id", 2, "note", "second"));
        }
    }

    @Test
    void aHandlerStringTheJarDoesNotHoldFailsTheFunctionsStart()
            throws Exception
    {
        try (LambdaRuntimeApi api = LambdaRuntimeApi.start(function.name());
                RunningFunction running = RunningFunction.start(api, function.handler() + "Typo", function.environment(), "bad-handler")) {
            assertThatThrownBy(() -> api.invoke("{}".getBytes(), Duration.ofSeconds(30)))
                    .isInstanceOf(LambdaRuntimeApi.FunctionError.class)
                    .hasMessageContaining(function.handler() + "Typo");
        }
    }

    @Test
    void withoutTheTemplatesAddOpensTheFirstArrowAllocationFails()
            throws Exception
    {
        Map<String, String> environment = new HashMap<>(function.environment());
        environment.remove("JAVA_TOOL_OPTIONS");
        try (LambdaRuntimeApi api = LambdaRuntimeApi.start(function.name());
                RunningFunction running = RunningFunction.start(api, function.handler(), environment, "no-add-opens");
                LambdaWire wire = new LambdaWire(running.asHandler())) {
            // GetTable allocates no Arrow memory; the layout's partition block is the first allocation.
            assertThatThrownBy(() -> new AthenaSequence(wire).scan(TABLE.toLowerCase()))
                    .isInstanceOf(LambdaRuntimeApi.FunctionError.class)
                    .hasMessageContaining("ExceptionInInitializerError");
            assertThat(running.log()).contains("Failed to initialize MemoryUtil").contains("--add-opens=java.base/java.nio");
        }
    }

    /** One start of the runtime client on the unpacked jar, its output in target/lambda-runtime-NAME.log. */
    private record RunningFunction(LambdaRuntimeApi api, Process process, Path logFile)
            implements AutoCloseable
    {
        static RunningFunction start(LambdaRuntimeApi api, String handler, Map<String, String> functionEnvironment, String name)
                throws IOException
        {
            return start(api, handler, functionEnvironment, Map.of(), name);
        }

        /** {@code localEndpoints}: where further emulated services are (glue_endpoint, kms_endpoint, ...). */
        static RunningFunction start(LambdaRuntimeApi api, String handler, Map<String, String> functionEnvironment,
                Map<String, String> localEndpoints, String name)
                throws IOException
        {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", runtimeClasspath(), AWSLambda.class.getName(), handler));
            ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
            Map<String, String> env = builder.environment();
            env.clear();
            env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            // What Lambda itself sets for every function (the template cannot set these).
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("_HANDLER", handler);
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_DEFAULT_REGION", "us-east-1");
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("TZ", ":UTC");
            env.putAll(functionEnvironment);
            // Only what is local: where the emulated services are, and no Athena to ask whether a query still runs.
            Map<String, String> local = new HashMap<>(Map.of("dynamodb_endpoint", dynalite.endpoint().toString(),
                    "s3_endpoint", moto.endpoint().toString(), "athena_query_status_check", "false"));
            local.putAll(localEndpoints);
            assertThat(functionEnvironment).doesNotContainKeys(local.keySet().toArray(String[]::new));
            env.putAll(local);
            Path log = Path.of("target", "lambda-runtime-" + name + ".log").toAbsolutePath();
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new RunningFunction(api, process, log);
        }

        RequestStreamHandler asHandler()
        {
            return (input, output, context) -> output.write(api.invoke(input.readAllBytes(), Duration.ofSeconds(60)));
        }

        String log()
        {
            try {
                return Files.readString(logFile);
            }
            catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        @Override
        public void close()
                throws InterruptedException
        {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The runtime client's own jars, apart from the function's code (see the dependency plugin in the pom). */
    private static String runtimeClasspath()
            throws IOException
    {
        try (Stream<Path> jars = Files.list(Path.of("target", "lambda-runtime"))) {
            List<String> paths = jars.filter(p -> p.toString().endsWith(".jar")).map(p -> p.toAbsolutePath().toString()).sorted().toList();
            assertThat(paths).as("target/lambda-runtime").anyMatch(p -> p.contains("runtime-interface-client"));
            return String.join(File.pathSeparator, paths);
        }
    }

    /** Lambda unpacks a .jar deployment package into the task root; classes are read from there, not from the jar. */
    private static Path unpack(Path jar, Path into)
            throws IOException
    {
        assertThat(jar).exists();
        if (Files.exists(into)) {
            try (Stream<Path> old = Files.walk(into)) {
                old.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Path root = into.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                }
                else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        return root;
    }
}
