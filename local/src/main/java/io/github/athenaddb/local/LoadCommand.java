package io.github.athenaddb.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Creates a table from a directory holding table.json and items.jsonl (like examples/ecommerce) and loads the items. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Create a table from DIR/table.json and load DIR/items.jsonl into a DynamoDB endpoint.")
final class LoadCommand
        implements Callable<Integer>
{
    @ParentCommand
    AthenaLocal parent;

    @Option(names = "--dynamodb-endpoint", required = true, paramLabel = "URL", description = "The DynamoDB API endpoint (dynalite, ...).")
    URI endpoint;

    @Parameters(arity = "1", paramLabel = "DIR", description = "A directory with table.json and items.jsonl, e.g. examples/ecommerce.")
    Path directory;

    @Override
    public Integer call()
    {
        if (!Files.isRegularFile(directory.resolve("table.json")) || !Files.isRegularFile(directory.resolve("items.jsonl"))) {
            return Failures.usage(directory + " must hold table.json and items.jsonl");
        }
        try (LocalConnector connector = LocalConnector.forEndpoint(Optional.of(endpoint), parent.environment())) {
            int items = connector.loadExample(directory);
            System.err.printf("Loaded %,d items from %s%n", items, directory);
            return 0;
        }
        catch (Exception e) {
            return Failures.report(e, false);
        }
    }
}
