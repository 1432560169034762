package io.github.athenaddb.local;

import io.github.athenaddb.SpillClients;
import io.github.athenaddb.devkit.DynamoJson;
import io.github.athenaddb.devkit.ExportLayout;
import io.github.athenaddb.devkit.MotoServer;
import io.github.athenaddb.devkit.Tables;
import io.github.athenaddb.local.engine.EngineOptions;
import io.github.athenaddb.local.engine.LocalEngine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's source for {@code ecommerce$changes} and {@code ecommerce$export}, which need what
 * dynalite lacks: a stream and an export in S3. moto_server serves DynamoDB, DynamoDB Streams and
 * S3 on one port; in it the sample table gets a stream, the first {@value #ITEMS} sample items, an
 * export of them to S3 laid out as DynamoDB writes one ({@link ExportLayout}), and then some
 * changes: orders shipped, one removed. A slice, not the whole sample: moto writes items and
 * stream records one by one in Python, and the point is what each table reads, not the volume.
 */
final class ChangesAndExportDemo
        implements AutoCloseable
{
    static final String QUERIES = "changes-and-export.sql";
    static final int ITEMS = 300;
    private static final int SHIPPED = 5;
    private static final int DATA_FILES = 4;
    private static final String BUCKET = "demo-exports";
    private static final AttributeValue PLACED = AttributeValue.fromS("PLACED");
    private static final AttributeValue CANCELLED = AttributeValue.fromS("CANCELLED");

    private final MotoServer moto;
    private final LocalConnector connector;

    private ChangesAndExportDemo(MotoServer moto, LocalConnector connector)
    {
        this.moto = moto;
        this.connector = connector;
    }

    /** Starts moto_server and writes the table, its export and its changes, saying what it did on {@code out}. */
    static ChangesAndExportDemo start(Path examples, Map<String, String> environment, PrintStream out)
    {
        long start = System.nanoTime();
        MotoServer moto = MotoServer.start();
        try {
            String folder = ExportLayout.folder("exports/ecommerce", "01780000000000-demo0001");
            Map<String, String> config = new HashMap<>(environment);
            config.put(SpillClients.S3_ENDPOINT, moto.endpoint().toString());
            // moto's ExportTableToPointInTime writes no manifests: the demo names the export it laid out.
            config.put("export_location_ecommerce", "s3://" + BUCKET + "/" + folder);
            LocalConnector connector = LocalConnector.forEndpoint(Optional.of(moto.endpoint()), config);
            List<Map<String, AttributeValue>> items = DynamoJson.readItems(examples.resolve("items.jsonl")).subList(0, ITEMS);
            CreateTableRequest table = DynamoJson.createTable(examples.resolve("table.json")).toBuilder()
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)).build();
            int shipped;
            int removed;
            try (DynamoDbClient dynamo = connector.loader(); S3Client s3 = moto.s3()) {
                Tables.create(dynamo, table);
                Tables.load(dynamo, table.tableName(), items);
                s3.createBucket(b -> b.bucket(BUCKET));
                new ExportLayout(s3, BUCKET).write(folder, Instant.now().truncatedTo(ChronoUnit.SECONDS), files(items));
                shipped = ship(dynamo, table.tableName(), items);
                removed = removeOneCancelled(dynamo, table.tableName(), items);
            }
            out.printf(Locale.ROOT, "%nmoto_server (DynamoDB, DynamoDB Streams and S3) at %s: table %s with a stream (NEW_AND_OLD_IMAGES), "
                    + "the first %d items of examples/ecommerce/items.jsonl, exported to s3://%s/%s (%d data files, named by the setting "
                    + "export_location_ecommerce), then %d orders shipped and %d removed, in %.1f s%n", moto.endpoint(), table.tableName(),
                    ITEMS, BUCKET, folder, DATA_FILES, shipped, removed, (System.nanoTime() - start) / 1e9);
            return new ChangesAndExportDemo(moto, connector);
        }
        catch (RuntimeException e) {
            moto.stop();
            throw e;
        }
    }

    LocalEngine engine()
    {
        return connector.engine(EngineOptions.DEFAULTS);
    }

    /** The items dealt round-robin into the data files, as an export spreads a table's items over its files. */
    private static List<List<Map<String, AttributeValue>>> files(List<Map<String, AttributeValue>> items)
    {
        List<List<Map<String, AttributeValue>>> files = new ArrayList<>();
        for (int i = 0; i < DATA_FILES; i++) {
            files.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            files.get(i % DATA_FILES).add(items.get(i));
        }
        return files;
    }

    /** The first placed orders become shipped: MODIFY records with both images. */
    private static int ship(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items)
    {
        List<Map<String, AttributeValue>> placed = items.stream().filter(item -> PLACED.equals(item.get("Status"))).limit(SHIPPED).toList();
        for (Map<String, AttributeValue> order : placed) {
            dynamo.updateItem(b -> b.tableName(table).key(key(order)).updateExpression("SET #s = :s")
                    .expressionAttributeNames(Map.of("#s", "Status")).expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SHIPPED"))));
        }
        return placed.size();
    }

    /** The first cancelled order is deleted: a REMOVE record, with the old image only. */
    private static int removeOneCancelled(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items)
    {
        Optional<Map<String, AttributeValue>> cancelled = items.stream().filter(item -> CANCELLED.equals(item.get("Status"))).findFirst();
        cancelled.ifPresent(order -> dynamo.deleteItem(b -> b.tableName(table).key(key(order))));
        return cancelled.isPresent() ? 1 : 0;
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item)
    {
        return Map.of("PK", item.get("PK"), "SK", item.get("SK"));
    }

    @Override
    public void close()
    {
        connector.close();
        moto.stop();
    }
}
