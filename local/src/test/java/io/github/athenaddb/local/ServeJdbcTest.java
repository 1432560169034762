package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.LocalCatalogs;
import io.github.athenaddb.local.engine.LocalTrino;
import io.github.athenaddb.devkit.Dynalite;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code athena-local serve}'s engine, reached as DBeaver or a BI tool reaches it: Trino's JDBC driver over HTTP. */
class ServeJdbcTest
{
    @Test
    void jdbcClientReadsTheLambdaCatalogOnLoopback()
            throws SQLException
    {
        Dynalite dynalite = LocalCliTable.dynalite();
        LocalCatalogs catalogs = new LocalCatalogs(Map.of(), Optional.of(dynalite.endpoint()), Optional.empty());
        try (LocalTrino trino = LocalTrino.start(catalogs, 0)) {
            assertThat(trino.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(trino.jdbcUrl()).isEqualTo("jdbc:trino://127.0.0.1:" + trino.baseUrl().getPort() + "/ddb/default");

            List<String> rows = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection(trino.jdbcUrl(), "analyst", null);
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(
                            "SELECT sk, total, ship.city FROM \"lambda:ddb\".default.localcliorders WHERE pk = 'c1' ORDER BY sk")) {
                while (result.next()) {
                    rows.add(result.getLong(1) + " " + result.getBigDecimal(2).stripTrailingZeros().toPlainString() + " " + result.getString(3));
                }
            }
            assertThat(rows).containsExactly("1 12.5 Lyon", "2 7.25 Nantes", "3 100 Lyon");

            // The session's defaults from the URL: catalog ddb, schema default.
            try (Connection connection = DriverManager.getConnection(trino.jdbcUrl(), "analyst", null);
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT count(*) FROM localcliorders")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1)).isEqualTo(3);
            }
        }
    }
}
