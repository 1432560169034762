package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.LocalEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** Shows what each table read pushes to the connector and what the engine evaluates. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show Trino's plan (each table read with the columns, constraints and limit sent to the connector), then each read's splits as the connector planned them; reads no records.")
final class ExplainCommand
        implements Callable<Integer>
{
    @ParentCommand
    AthenaLocal parent;

    @Mixin
    SourceOptions source = new SourceOptions();

    @Parameters(arity = "1", paramLabel = "SQL")
    String sql;

    @Override
    public Integer call()
    {
        try (LocalConnector connector = source.connect(parent.environment()); LocalEngine engine = connector.engine(source.engineOptions())) {
            System.out.print(engine.explain(Statements.strip(sql)));
            return 0;
        }
        catch (Exception e) {
            return Failures.report(e, source.debug);
        }
    }
}
