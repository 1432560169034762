package io.github.athenaddb.local;

import io.github.athenaddb.devkit.EmbeddedPostgresDb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The demo's relational side: examples/ecommerce/customers.csv (username, full_name, gender,
 * birth_year, city, created_at; no quoted fields) as table {@code public.customers} of a
 * PostgreSQL database, the way a CRM would hold the DynamoDB sample's customers.
 */
final class DemoCustomers
{
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private DemoCustomers() {}

    /** @return the number of customers loaded */
    static int load(EmbeddedPostgresDb db, Path csv)
            throws IOException, SQLException
    {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE customers (username text PRIMARY KEY, full_name text NOT NULL, gender text, "
                        + "birth_year integer, city text, created_at timestamp NOT NULL)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?)")) {
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split(",", -1);
                    if (f.length != 6) {
                        throw new IOException(csv + ": expected 6 fields, got " + f.length + " in: " + line);
                    }
                    insert.setString(1, f[0]);
                    insert.setString(2, f[1]);
                    insert.setString(3, f[2]);
                    insert.setInt(4, Integer.parseInt(f[3]));
                    insert.setString(5, f[4]);
                    insert.setTimestamp(6, Timestamp.valueOf(LocalDateTime.parse(f[5], CREATED_AT)));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("ANALYZE customers");
            }
        }
        return lines.size() - 1;
    }
}
