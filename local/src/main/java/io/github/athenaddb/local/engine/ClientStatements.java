package io.github.athenaddb.local.engine;

import io.trino.client.ClientSession;
import io.trino.client.Column;
import io.trino.client.QueryStatusInfo;
import io.trino.client.StatementClient;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.trino.client.StatementClientFactory.newStatementClient;
import static java.util.Objects.requireNonNull;

/**
 * Statements sent to a Trino server over its client protocol, as the Trino CLI sends them, one
 * after another in one session: a {@code USE} or {@code SET SESSION} carries over to the next.
 * Rows are handed on as they arrive.
 */
public final class ClientStatements
        implements AutoCloseable
{
    /** The client's name in Trino's protocol ({@code source}): a serve knows athena-local's queries by it. */
    public static final String CLIENT = "athena-local";

    // Plain HTTP only: the server is always athena-local's own on loopback, and a client able to
    // speak TLS loads the JDK's trust store and TLS provider first (~0.2 s of a 0.5 s start).
    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
            .build();
    private ClientSession session;
    private volatile StatementClient running;

    public ClientStatements(URI server, String catalog, String schema)
    {
        requireNonNull(server, "server is null");
        this.session = ClientSession.builder()
                .server(server)
                .user(Optional.of(System.getProperty("user.name", "athena-local")))
                .source(CLIENT)
                .catalog(catalog)
                .schema(schema)
                .timeZone(ZoneId.systemDefault())
                .locale(Locale.getDefault())
                .build();
    }

    /**
     * @return Trino's id of the query
     * @throws QueryFailure when Trino fails the statement
     */
    public String execute(String sql, ResultOutput output)
    {
        return execute(sql, output, Map.of());
    }

    /**
     * @param sessionProperties set for this statement only, over the session's
     * @return Trino's id of the query
     * @throws QueryFailure when Trino fails the statement
     */
    public String execute(String sql, ResultOutput output, Map<String, String> sessionProperties)
    {
        ClientSession statementSession = session;
        if (!sessionProperties.isEmpty()) {
            Map<String, String> properties = new HashMap<>(session.getProperties());
            properties.putAll(sessionProperties);
            statementSession = ClientSession.builder(session).properties(properties).build();
        }
        try (StatementClient client = newStatementClient(http, statementSession, sql, Optional.empty())) {
            running = client;
            List<Column> columns = null;
            while (client.isRunning()) {
                if (columns == null) {
                    columns = begin(client.currentStatusInfo(), output);
                }
                if (columns != null) {
                    for (List<Object> row : client.currentRows()) {
                        output.row(plain(columns, row));
                    }
                }
                client.advance();
            }
            if (client.isClientAborted()) {
                throw new QueryFailure("Query aborted", "CLIENT_ABORTED", false);
            }
            QueryStatusInfo status = client.finalStatusInfo();
            if (status.getError() != null) {
                throw QueryFailure.of(status.getError());
            }
            if (columns == null) {
                columns = begin(status, output);
            }
            if (columns != null) {
                output.end();
            }
            carryOver(client);
            return status.getId();
        }
        finally {
            running = null;
        }
    }

    /** Cancels the statement being run, if any (from another thread: Ctrl-C); its {@link #execute} fails with CLIENT_ABORTED. */
    public void cancel()
    {
        StatementClient client = running;
        if (client != null) {
            client.close();
        }
    }

    private static List<Column> begin(QueryStatusInfo status, ResultOutput output)
    {
        List<Column> columns = status.getColumns();
        // A statement without a result (USE, SET SESSION) has no columns; nothing is printed for it.
        if (columns == null || (columns.isEmpty() && status.getUpdateType() != null)) {
            return null;
        }
        output.begin(columns.stream().map(Column::getName).toList(), columns.stream().map(Column::getType).toList());
        return columns;
    }

    private static List<Object> plain(List<Column> columns, List<Object> row)
    {
        List<Object> values = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            values.add(ClientValues.plain(columns.get(i).getTypeSignature(), row.get(i)));
        }
        return values;
    }

    /** What the statement changed in the session, for the next one (as the Trino CLI keeps it). */
    private void carryOver(StatementClient client)
    {
        ClientSession.Builder next = ClientSession.builder(session);
        client.getSetCatalog().ifPresent(next::catalog);
        client.getSetSchema().ifPresent(next::schema);
        if (!client.getSetSessionProperties().isEmpty() || !client.getResetSessionProperties().isEmpty()) {
            Map<String, String> properties = new HashMap<>(session.getProperties());
            properties.putAll(client.getSetSessionProperties());
            client.getResetSessionProperties().forEach(properties::remove);
            next.properties(properties);
        }
        session = next.build();
    }

    @Override
    public void close()
    {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
