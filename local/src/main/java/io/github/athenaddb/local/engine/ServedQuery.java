package io.github.athenaddb.local.engine;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A query a serve ran, when it ended: Trino's id, the client's name for itself ({@code source}
 * in Trino's protocol: {@link ClientStatements#CLIENT} for athena-local's own), and its stats.
 */
public record ServedQuery(String queryId, Optional<String> client, QueryResult stats)
{
    public ServedQuery
    {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(client, "client is null");
        requireNonNull(stats, "stats is null");
    }

    /** Sent by athena-local's {@code query}, which waits for the stats (its serve's ServedStats). */
    public boolean fromAthenaLocal()
    {
        return client.filter(ClientStatements.CLIENT::equals).isPresent();
    }
}
