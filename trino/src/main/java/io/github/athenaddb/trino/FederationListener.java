package io.github.athenaddb.trino;

import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;

/**
 * What a federation source was asked and answered, for an engine that embeds the plugin and
 * reports each statement's cost (athena-local's stats). A Trino server installs none. Called on
 * the thread that made the call; the arguments are valid only during the call.
 */
public interface FederationListener
{
    FederationListener NONE = new FederationListener() {};

    /** One read of a table planned: the constraints its GetTableLayout and GetSplits carried, and the splits returned. */
    default void splitsPlanned(String queryId, String catalog, TableName table, Schema schema, Constraints constraints, List<Split> splits) {}

    /** One ReadRecords call (one split) answered. */
    default void splitRead(String queryId, String catalog, TableName table) {}

    /** The rows one ReadRecords call returned, inline or in the blocks it spilled. */
    default void rowsReturned(String queryId, String catalog, TableName table, long rows) {}
}
