package io.github.athenaddb.trino;

import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.EmbeddedPostgresDb;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.devkit.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.github.athenaddb.devkit.Tables.attribute;
import static io.github.athenaddb.devkit.Tables.key;
import static io.github.athenaddb.devkit.Tables.n;
import static io.github.athenaddb.devkit.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin directory as README installs it, in a Trino server started as an installation
 * starts it: a JVM of its own running Trino's {@code Server} with {@code etc/config.properties},
 * the catalog files in {@code etc/catalog} and the plugins loaded from {@code plugin.dir}, each in
 * Trino's isolated plugin class loader (which sees the server's classes only for Trino's SPI), so
 * a jar missing from the directory fails here. The server's own classpath is Trino's engine, as a
 * server's {@code lib/} holds it.
 */
class TrinoServerPluginIT
{
    private static final String TABLE = "StockOrders";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String SPILL_BUCKET = "stock-server-spill";

    private static MotoServer moto;
    private static S3Client s3;
    private static EmbeddedPostgresDb postgres;
    private static Process server;
    private static Path home;
    private static int port;

    @BeforeAll
    static void startServer()
            throws Exception
    {
        Dynalite dynalite = Dynalite.shared();
        Tables.create(dynalite.client(), Tables.table(TABLE, "pk", ScalarAttributeType.S)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N))
                .build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int c = 1; c <= 3; c++) {
            for (int o = 1; o <= 4; o++) {
                items.add(Map.of("pk", s("C#" + c), "sk", n(Integer.toString(o)), "total", n(c + "" + o + ".5")));
            }
        }
        Tables.load(dynalite.client(), TABLE, items);
        moto = MotoServer.start();
        s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        s3.createBucket(b -> b.bucket(SPILL_BUCKET));
        postgres = EmbeddedPostgresDb.newDatabase();
        try (Connection c = postgres.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customers (id integer PRIMARY KEY, name text)");
            st.execute("INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Edsger')");
        }

        Path plugins = Path.of("target", "trino-plugin").toAbsolutePath();
        assertThat(plugins.resolve("athena-federation")).as("the plugin directory, built by package").isDirectory();
        home = Files.createDirectories(Path.of("target", "stock-trino-server").toAbsolutePath());
        Path catalogs = Files.createDirectories(home.resolve("etc/catalog"));
        port = freePort();
        Files.writeString(home.resolve("etc/config.properties"), String.join("\n",
                "coordinator=true",
                "node-scheduler.include-coordinator=true",
                "http-server.http.port=" + port,
                "discovery.uri=http://127.0.0.1:" + port,
                "node.environment=test",
                "log.path=" + home.resolve("server.log"),
                "plugin.dir=" + plugins,
                "catalog.config-dir=" + catalogs,
                ""));
        // The catalog named as in Athena, with the connector's handler in the server's JVM.
        writeCatalog(catalogs, "lambda:ddb", "federation.config.dynamodb_endpoint=" + dynalite.endpoint());
        // A PostgreSQL source: its JDBC driver found from the plugin's class loader.
        writeCatalog(catalogs, "rds", "federation.config.rds_connection_string=" + postgres.jdbcUrlWithCredentials(),
                "federation.config.jdbc_query_passthrough=true");
        // The same source answering over 64 bytes in encrypted blocks on moto_server's S3, which the plugin reads back.
        writeCatalog(catalogs, "spilled", "federation.config.dynamodb_endpoint=" + dynalite.endpoint(),
                "federation.config.spill_bucket=" + SPILL_BUCKET,
                "federation.config.s3_endpoint=" + moto.endpoint(),
                "federation.max-inline-block-size=64",
                "federation.s3-endpoint=" + moto.endpoint(),
                "federation.region=us-east-1");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-modules=jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx1g",
                "-Daws.accessKeyId=test", "-Daws.secretAccessKey=test",
                "-Dconfig=" + home.resolve("etc/config.properties"),
                "-cp", serverClasspath(), StockTrinoServerMain.class.getName()));
        Files.deleteIfExists(home.resolve("server.log"));
        // Until its logging starts, the server writes to its standard output; then to log.path.
        server = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("stdout.log").toFile()).start();
        awaitStarted();
    }

    @AfterAll
    static void stopServer()
            throws InterruptedException
    {
        if (moto != null) {
            s3.close();
            moto.stop();
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void theInstalledPluginListsAndReadsTheTable()
            throws SQLException
    {
        assertThat(strings("SHOW TABLES FROM \"lambda:ddb\".\"default\"")).contains("stockorders");
        assertThat(strings("SELECT CAST(sk AS varchar) FROM \"lambda:ddb\".\"default\".stockorders WHERE pk = 'C#2' AND total > 22 ORDER BY sk"))
                .containsExactly("2", "3", "4");
        assertThat(strings("SELECT CAST(count(*) AS varchar) FROM \"lambda:ddb\".\"default\".stockorders")).containsExactly("12");
    }

    @Test
    void rowsSpilledEncryptedToS3AreReadBackByThePlugin()
            throws SQLException
    {
        String totals = "SELECT CAST(total AS varchar) FROM %s.\"default\".stockorders ORDER BY total";
        List<String> spilled = strings(totals.formatted("spilled"));
        assertThat(spilled).hasSize(12).containsExactlyElementsOf(strings(totals.formatted("\"lambda:ddb\"")));
        assertThat(s3.listObjectsV2(b -> b.bucket(SPILL_BUCKET)).contents()).as("the spilled blocks").isNotEmpty();
    }

    @Test
    void aPostgresSourceIsReadThroughTheInstalledPluginAlsoByPassthrough()
            throws SQLException
    {
        assertThat(strings("SELECT name FROM rds.public.customers WHERE id > 1 ORDER BY id")).containsExactly("Grace", "Edsger");
        assertThat(strings("SELECT name FROM TABLE(rds.system.query(query => 'SELECT name FROM public.customers WHERE id = 1'))"))
                .containsExactly("Ada");
    }

    @Test
    void theCatalogsSessionPropertyIsThere()
            throws SQLException
    {
        assertThat(strings("SHOW SESSION")).contains("lambda:ddb." + FederationSessionProperties.SPLITS_ONLY);
    }

    /** A catalog file of the connector's handler in the server's JVM, with {@code properties} besides. */
    private static void writeCatalog(Path catalogs, String name, String... properties)
            throws IOException
    {
        List<String> lines = new ArrayList<>(List.of(
                "connector.name=athena_federation",
                "federation.handler=io.github.athenaddb.DdbCompositeHandler",
                "federation.config.AWS_REGION=us-east-1",
                "federation.config.athena_query_status_check=false"));
        lines.addAll(List.of(properties));
        lines.add("");
        Files.writeString(catalogs.resolve(name + ".properties"), String.join("\n", lines));
    }

    private static List<String> strings(String sql)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection("jdbc:trino://127.0.0.1:" + port, "test", null);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** Trino's engine and its libraries, without this module's own classes (the server finds those in the plugin directory only). */
    private static String serverClasspath()
    {
        String own = Path.of("target", "classes").toAbsolutePath().toString();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().toString().equals(own))
                .filter(entry -> !entry.contains("athena-ddb-trino"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void awaitStarted()
            throws InterruptedException, IOException
    {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (logs().contains("======== SERVER STARTED ========")) {
                return;
            }
            if (!server.isAlive()) {
                throw new AssertionError("The Trino server exited with " + server.exitValue() + ":\n" + tail(logs()));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The Trino server did not start in " + START_TIMEOUT + ":\n" + tail(logs()));
    }

    private static String logs()
            throws IOException
    {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("stdout.log", "server.log")) {
            Path log = home.resolve(name);
            if (Files.exists(log)) {
                text.append(Files.readString(log));
            }
        }
        return text.toString();
    }

    private static String tail(String text)
    {
        return text.length() <= 8000 ? text : text.substring(text.length() - 8000);
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
