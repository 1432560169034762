package io.github.athenaddb.ddb.split;

import com.amazonaws.athena.connector.lambda.domain.Split;
import io.github.athenaddb.ddb.exec.AttributeProjection;
import io.github.athenaddb.ddb.exec.ReadStats;
import io.github.athenaddb.ddb.exec.TableFetch;
import io.github.athenaddb.ddb.plan.IndexCoverage;
import io.github.athenaddb.ddb.plan.KeyCondition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What one split reads, carried in the split's properties ({@link SplitCodec}) so that any Lambda
 * instance can run it without planning again: a Scan segment, Queries, a set of primary keys, a
 * passthrough statement, a stream shard, an export's data files, or a top-N over a sparse index.
 * Each kind reads itself.
 */
public sealed interface ReadSplit
        permits ScanSplit, ReadSplit.QuerySplit, ReadSplit.KeysSplit, ReadSplit.PartiqlSplit, ShardSplit, ExportSplit, SparseIndexTopNSplit
{
    String table();

    /** Reads the split's items, handing each page to the context's sink. */
    ReadStats read(ReadContext context);

    /** What the split reads, for the log line of its read. */
    String describe();

    default Split.Builder addTo(Split.Builder split)
    {
        return SplitCodec.write(this, split);
    }

    static ReadSplit from(Split split)
    {
        return SplitCodec.read(split);
    }

    /**
     * Queries run one after the other in one split (one Query per split, unless a LIMIT or a read
     * rate cap groups them).
     *
     * @param indexAttributes what a KEYS_ONLY or INCLUDE index holds; empty for the table or an ALL index
     */
    record QuerySplit(String table, Optional<String> index, List<KeyCondition> conditions, Optional<Set<String>> indexAttributes)
            implements ReadSplit
    {
        public QuerySplit
        {
            requireNonNull(table, "table is null");
            requireNonNull(index, "index is null");
            conditions = List.copyOf(conditions);
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("a Query split needs a key condition");
            }
            indexAttributes = indexAttributes.map(Set::copyOf);
        }

        public QuerySplit(String table, Optional<String> index, KeyCondition condition)
        {
            this(table, index, List.of(condition), Optional.empty());
        }

        @Override
        public ReadStats read(ReadContext context)
        {
            ReadProjection projection = context.projection();
            if (!IndexCoverage.needsTableFetch(indexAttributes, projection.attributes())) {
                return context.readers().query().query(table, index, conditions, context.options().limit().forward(),
                        context.options().filter(), projection.expression(), context.limiter(), context.keepGoing(), context.rows(),
                        context.pages());
            }
            // The index lacks attributes the query needs: read its keys, then the items from the table.
            TableFetch fetch = new TableFetch(context.readers().keyLookup(), table, projection.keys(), projection.expression(),
                    context.limiter(), context.rows(), context.pages());
            ReadStats keys = context.readers().query().query(table, index, conditions, context.options().limit().forward(),
                    context.options().filter(), AttributeProjection.of(projection.keys()), context.limiter(), context.keepGoing(),
                    context.rows(), fetch);
            return new ReadStats(keys.requests() + fetch.stats().requests(), keys.items(),
                    keys.consumedReadUnits() + fetch.stats().consumedReadUnits());
        }

        @Override
        public String describe()
        {
            return conditions.size() + " Query(s)" + index.map(i -> " on " + i).orElse("") + ": " + conditions.get(0).expression();
        }
    }

    /** GetItem / BatchGetItem of fully specified primary keys. */
    record KeysSplit(String table, List<Map<String, AttributeValue>> keys) implements ReadSplit
    {
        public KeysSplit
        {
            requireNonNull(table, "table is null");
            keys = List.copyOf(keys);
        }

        @Override
        public ReadStats read(ReadContext context)
        {
            return context.readers().keyLookup().get(table, keys, context.projection().expression(), context.limiter(), context.pages());
        }

        @Override
        public String describe()
        {
            return "GetItem of " + keys.size() + " key(s)";
        }
    }

    /** A passthrough PartiQL SELECT, run as written. */
    record PartiqlSplit(String table, String statement) implements ReadSplit
    {
        public PartiqlSplit
        {
            requireNonNull(table, "table is null");
            requireNonNull(statement, "statement is null");
        }

        @Override
        public ReadStats read(ReadContext context)
        {
            return context.readers().partiql().execute(statement, 0, context.limiter(), context.keepGoing(), context.pages());
        }

        @Override
        public String describe()
        {
            return "PartiQL ExecuteStatement";
        }
    }
}
