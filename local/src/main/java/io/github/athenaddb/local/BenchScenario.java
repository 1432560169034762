package io.github.athenaddb.local;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The scenarios {@code bench --scenario NAME} selects; a result's name starts with its scenario's. */
enum BenchScenario
{
    FULL_READ("full-read", "full read of a table of flat items (10 attributes) through the wire (one result per --items size)"),
    QUERY_PARTITION("query-partition", "SELECT * of one partition (pk = ...) of a pk + sk table: a DynamoDB Query"),
    TOP_N("top-n", "ORDER BY sk DESC LIMIT 10 within that partition: a backwards Query of 10 items"),
    POINT_LOOKUP("point-lookup", "one item by its full primary key (pk = ... AND sk = ...): a GetItem"),
    GROUP_BY("group-by", "GROUP BY over that partition's items (a Query), aggregated by the engine"),
    LAMBDA_READ("lambda-read", "full read of the flat table as in Lambda: Athena's ReadRecords block sizes, blocks spilled encrypted to "
            + "moto_server's S3 and read back (one result per --items size)"),
    SQL_FULL_READ("sql-full-read", "SELECT * of the flat table through the engine, every row to the client (one result per --items size)"),
    JDBC_READ("jdbc-read", "full read of an embedded PostgreSQL table (10 columns) through the connector's JDBC source"),
    EXPORT_READ("export-read", "full read of <table>$export: a DynamoDB export of flat items in moto_server's S3, through the wire"),
    CHANGES_READ("changes-read", "full read of <table>$changes: the stream records of inserted flat items in moto_server, through the wire"),
    COLD_START("cold-start", "fresh JVMs on the shaded Lambda jar: to the first GetTable and first ReadRecords response"),
    FRESH_QUERIES("fresh-queries", "14 key and scan queries over 4,716 e-commerce items, each from a fresh bin/athena-local process: "
            + "RCU with the schema sample included");

    final String id;
    final String description;

    BenchScenario(String id, String description)
    {
        this.id = id;
        this.description = description;
    }

    static BenchScenario of(String id)
    {
        return Arrays.stream(values()).filter(s -> s.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "'; scenarios: " + ids()));
    }

    static List<String> ids()
    {
        return Arrays.stream(values()).map(s -> s.id).toList();
    }

    /** 100000 -> "100k", 1000000 -> "1m", 300 -> "300": for result names that say their size. */
    static String size(long n)
    {
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "m";
        }
        if (n >= 1000 && n % 1000 == 0) {
            return n / 1000 + "k";
        }
        return Long.toString(n);
    }
}
