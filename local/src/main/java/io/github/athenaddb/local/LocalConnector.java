package io.github.athenaddb.local;

import io.github.athenaddb.ConnectorConfig;
import io.github.athenaddb.DdbCompositeHandler;
import io.github.athenaddb.devkit.AthenaSequence;
import io.github.athenaddb.devkit.Dynalite;
import io.github.athenaddb.devkit.DynamoJson;
import io.github.athenaddb.devkit.LambdaWire;
import io.github.athenaddb.devkit.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A local DynamoDB with the connector in front of it, reached only through the Lambda wire.
 * Credentials are dummies: dynalite accepts any, and nothing here talks to AWS.
 */
final class LocalConnector
        implements AutoCloseable
{
    final Dynalite dynalite;
    final DynamoDbClient dynamo;
    final LambdaWire wire;
    final AthenaSequence athena;

    private LocalConnector(Dynalite dynalite, Map<String, String> extraConfig)
    {
        this.dynalite = dynalite;
        this.dynamo = dynalite.client();
        setDummyCredentials();
        Map<String, String> config = new HashMap<>(extraConfig);
        config.put(ConnectorConfig.DYNAMODB_ENDPOINT, dynalite.endpoint().toString());
        config.putIfAbsent(ConnectorConfig.REGION, "us-east-1");
        config.put(ConnectorConfig.QUERY_STATUS_CHECK, "false");
        this.wire = new LambdaWire(new DdbCompositeHandler(config));
        this.athena = new AthenaSequence(wire);
    }

    static LocalConnector startWithDynalite(Map<String, String> config)
    {
        return new LocalConnector(Dynalite.start(), config);
    }

    URI endpoint()
    {
        return dynalite.endpoint();
    }

    int loadExample(Path directory)
    {
        dynamo.createTable(DynamoJson.createTable(directory.resolve("table.json")));
        String table = DynamoJson.createTable(directory.resolve("table.json")).tableName();
        List<Map<String, AttributeValue>> items = DynamoJson.readItems(directory.resolve("items.jsonl"));
        Tables.load(dynamo, table, items);
        return items.size();
    }

    static Path examplesDirectory()
    {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("examples/ecommerce"))) {
                return dir.resolve("examples");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("examples/ not found: run athena-local from the repository");
    }

    private static void setDummyCredentials()
    {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
    }

    @Override
    public void close()
    {
        wire.close();
        dynalite.stop();
    }
}
