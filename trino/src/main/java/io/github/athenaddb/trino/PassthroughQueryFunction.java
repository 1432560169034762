package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.metadata.GetTableRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.querypassthrough.QueryPassthroughSignature;
import io.airlift.slice.Slice;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorAccessControl;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.function.table.AbstractConnectorTableFunction;
import io.trino.spi.function.table.Argument;
import io.trino.spi.function.table.ConnectorTableFunctionHandle;
import io.trino.spi.function.table.Descriptor;
import io.trino.spi.function.table.ScalarArgument;
import io.trino.spi.function.table.ScalarArgumentSpecification;
import io.trino.spi.function.table.TableFunctionAnalysis;

import java.util.List;
import java.util.Map;

import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static io.trino.spi.function.table.ReturnTypeSpecification.GenericTable.GENERIC_TABLE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * {@code TABLE(system.query(query => '...'))}, Athena's query passthrough: the statement goes to
 * the source as is, when the source declares a passthrough function {@code system.query}. The
 * arguments travel as the SDK names them: {@code schemaFunctionName} (the declared signature, e.g.
 * {@code SYSTEM.QUERY}) and the source's own argument name (the DynamoDB connector's is
 * {@code QUERY}); GetTable with them gives the result's columns (the handler's
 * doGetQueryPassthroughSchema), and the same arguments go with the Constraints of the layout,
 * splits and records.
 */
final class PassthroughQueryFunction
        extends AbstractConnectorTableFunction
{
    static final String SCHEMA = "system";
    static final String NAME = "query";
    private static final String QUERY = "QUERY";

    private final FederationSource source;
    private final ArrowTypeMapping types;

    PassthroughQueryFunction(FederationSource source, ArrowTypeMapping types)
    {
        super(SCHEMA, NAME, List.of(ScalarArgumentSpecification.builder().name(QUERY).type(VARCHAR).build()), GENERIC_TABLE);
        this.source = requireNonNull(source, "source is null");
        this.types = requireNonNull(types, "types is null");
    }

    /** The table the source described for the statement, its passthrough arguments with it. */
    record Handle(FederationTableHandle table)
            implements ConnectorTableFunctionHandle
    {
        Handle
        {
            requireNonNull(table, "table is null");
        }
    }

    @Override
    public TableFunctionAnalysis analyze(ConnectorSession session, ConnectorTransactionHandle transaction, Map<String, Argument> arguments,
            ConnectorAccessControl accessControl)
    {
        SourceCapabilities capabilities = new SourceCapabilities(source.capabilities(session.getQueryId()));
        SourceCapabilities.PassthroughFunction function = capabilities.passthrough(SCHEMA, NAME).orElseThrow(() -> new TrinoException(NOT_SUPPORTED,
                "Catalog " + source.catalog() + ": the source declares no query passthrough function " + SCHEMA + "." + NAME));
        if (function.arguments().size() != 1) {
            throw new TrinoException(NOT_SUPPORTED, "Catalog " + source.catalog() + ": the source's " + SCHEMA + "." + NAME + " takes arguments "
                    + function.arguments() + "; only a function of one argument (the query) is supported");
        }
        Slice statement = (Slice) ((ScalarArgument) arguments.get(QUERY)).getValue();
        Map<String, String> passthrough = Map.of(QueryPassthroughSignature.SCHEMA_FUNCTION_NAME, function.signature(),
                function.arguments().get(0), statement.toStringUtf8());

        GetTableResponse response = source.client().call(new GetTableRequest(FederationSource.IDENTITY, session.getQueryId(), source.catalog(),
                new TableName(SCHEMA, NAME), passthrough), GetTableResponse.class);
        FederationTableHandle table;
        try {
            TableName described = response.getTableName() == null ? new TableName(SCHEMA, NAME) : response.getTableName();
            table = FederationMetadata.tableHandle(new SchemaTableName(described.getSchemaName(), described.getTableName()), response, types,
                    passthrough);
        }
        finally {
            FederationClient.close(response);
        }
        if (table.columns().isEmpty()) {
            throw new TrinoException(NOT_SUPPORTED, "The source described no readable column for the statement of " + SCHEMA + "." + NAME);
        }
        Descriptor returned = new Descriptor(table.columns().stream()
                .map(column -> new Descriptor.Field(column.name(), java.util.Optional.of(column.type())))
                .toList());
        return TableFunctionAnalysis.builder().returnedType(returned).handle(new Handle(table)).build();
    }
}
