package io.github.athenaddb.jdbc;

import io.github.athenaddb.devkit.EmbeddedPostgresDb;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared embedded PostgreSQL starts (also as root), and each database is separate and reachable by URL. */
class EmbeddedPostgresDbTest
{
    @Test
    void startsOnceAndGivesSeparateDatabases()
            throws SQLException
    {
        EmbeddedPostgresDb first = EmbeddedPostgresDb.newDatabase();
        EmbeddedPostgresDb second = EmbeddedPostgresDb.newDatabase();
        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        assertThat(EmbeddedPostgresDb.startupTime()).isNotNull();
        System.out.println("embedded PostgreSQL started in " + EmbeddedPostgresDb.startupTime().toMillis() + " ms");

        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (x int)");
            try (ResultSet rs = statement.executeQuery("SELECT current_user, version()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(EmbeddedPostgresDb.USER);
                assertThat(rs.getString(2)).startsWith("PostgreSQL");
            }
        }
        try (Connection connection = DriverManager.getConnection(second.jdbcUrlWithCredentials());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
