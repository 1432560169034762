package io.github.athenaddb.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a table's {@link TableStats} from the database: the planner's row estimate, the leaf
 * partitions of a partitioned PostgreSQL table, and the range of a single-column integer primary
 * key (MIN and MAX, two index lookups). Every name is a bound parameter or quoted by the dialect.
 */
final class TableStatsReader
{
    private static final Logger log = LoggerFactory.getLogger(TableStatsReader.class);

    private final SqlDialect dialect;

    TableStatsReader(SqlDialect dialect)
    {
        this.dialect = dialect;
    }

    TableStats read(Connection c, TableStats.TableRef table)
            throws SQLException
    {
        long estimate = -1;
        if (dialect == SqlDialect.POSTGRESQL) {
            String kind = null;
            try (PreparedStatement s = c.prepareStatement("SELECT c.relkind, c.reltuples FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
                s.setString(1, table.schema());
                s.setString(2, table.table());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        kind = rs.getString(1);
                        estimate = (long) rs.getDouble(2);
                    }
                }
            }
            if ("p".equals(kind)) {
                return new TableStats(-1, leafPartitions(c, table), Optional.empty());
            }
            if (!"r".equals(kind)) {
                // Views and foreign tables have neither statistics nor a primary key to split by.
                return TableStats.unknown();
            }
        }
        else {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND TABLE_TYPE = 'BASE TABLE'")) {
                s.setString(1, table.schema());
                s.setString(2, table.table());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return TableStats.unknown();
                    }
                    long rows = rs.getLong(1);
                    estimate = rs.wasNull() ? -1 : rows;
                }
            }
        }
        Optional<TableStats.KeyRange> key = integerKey(c, table).flatMap(column -> keyRange(c, table, column));
        if (estimate < 0 && key.isPresent()) {
            // Never analyzed: the key's span bounds the row count.
            estimate = Math.max(0, key.get().max() - key.get().min() + 1);
        }
        return new TableStats(estimate, List.of(), key);
    }

    private List<TableStats.TableRef> leafPartitions(Connection c, TableStats.TableRef table)
            throws SQLException
    {
        List<TableStats.TableRef> leaves = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT n.nspname, c.relname FROM pg_partition_tree(format('%I.%I', ?, ?)::regclass) t "
                + "JOIN pg_class c ON c.oid = t.relid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE t.isleaf ORDER BY n.nspname, c.relname")) {
            s.setString(1, table.schema());
            s.setString(2, table.table());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    leaves.add(new TableStats.TableRef(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return leaves;
    }

    /** The primary key's column when the key is one column of a signed integer type. */
    private Optional<String> integerKey(Connection c, TableStats.TableRef table)
            throws SQLException
    {
        DatabaseMetaData meta = c.getMetaData();
        boolean mysql = dialect == SqlDialect.MYSQL;
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = mysql ? meta.getPrimaryKeys(table.schema(), null, table.table()) : meta.getPrimaryKeys(null, table.schema(), table.table())) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        if (columns.size() != 1) {
            return Optional.empty();
        }
        String column = columns.get(0);
        try (ResultSet rs = mysql ? meta.getColumns(table.schema(), null, table.table(), column) : meta.getColumns(null, table.schema(), table.table(), column)) {
            while (rs.next()) {
                if (!column.equals(rs.getString("COLUMN_NAME"))) {
                    continue; // the name is a LIKE pattern: '_' matches any character
                }
                int type = rs.getInt("DATA_TYPE");
                boolean integer = type == Types.TINYINT || type == Types.SMALLINT || type == Types.INTEGER || type == Types.BIGINT;
                // An unsigned BIGINT can exceed a long.
                boolean unsignedBigint = type == Types.BIGINT && rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT).contains("UNSIGNED");
                return integer && !unsignedBigint ? Optional.of(column) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<TableStats.KeyRange> keyRange(Connection c, TableStats.TableRef table, String column)
    {
        String col = dialect.quote(column);
        String sql = "SELECT MIN(" + col + "), MAX(" + col + ") FROM " + dialect.quote(table.schema()) + "." + dialect.quote(table.table());
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long min = rs.getLong(1);
            if (rs.wasNull()) {
                return Optional.empty();
            }
            return Optional.of(new TableStats.KeyRange(column, min, rs.getLong(2)));
        }
        catch (SQLException e) {
            // The table is then read whole, which is always correct, only slower.
            log.warn("Could not read the key range of {}.{}: {}", table.schema(), table.table(), e.getMessage());
            return Optional.empty();
        }
    }
}
