package io.github.athenaddb.local;

import io.github.athenaddb.devkit.Dynalite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code load} against a DynamoDB that keeps a new table CREATING for a while, as DynamoDB and a default dynalite do. */
class LoadCommandTest
{
    @Test
    void waitsForTheTableToBeActiveThenLoadsEveryItem()
            throws Exception
    {
        Dynalite dynalite = Dynalite.start(Duration.ofMillis(500));
        try (DynamoDbClient client = dynalite.client()) {
            Path examples = LocalConnector.examplesDirectory().resolve("ecommerce");
            long lines;
            try (var stream = Files.lines(examples.resolve("items.jsonl"))) {
                lines = stream.filter(line -> !line.isBlank()).count();
            }

            CliRun run = CliRun.of("load", "--dynamodb-endpoint", dynalite.endpoint().toString(), examples.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.err()).contains(String.format("Loaded %,d items", lines));
            String table = client.listTables().tableNames().get(0);
            assertThat(client.scanPaginator(b -> b.tableName(table).select(Select.COUNT)).stream().mapToInt(r -> r.count()).sum())
                    .isEqualTo((int) lines);

            CliRun again = CliRun.of("load", "--dynamodb-endpoint", dynalite.endpoint().toString(), examples.toString());
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err()).contains("Table '" + table + "' already exists at " + dynalite.endpoint()).doesNotContain("Exception");
        }
        finally {
            dynalite.stop();
        }
    }

    @Test
    void aDirectoryWithoutTheFilesIsAUsageError(@TempDir Path empty)
    {
        CliRun run = CliRun.of("load", "--dynamodb-endpoint", "http://127.0.0.1:9", empty.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("must hold table.json and items.jsonl");
    }
}
