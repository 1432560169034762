package io.github.athenaddb.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.athenaddb.devkit.Dynalite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code athena-local trino-query} end to end, in this JVM: a Trino server with the connector
 * in-process over dynalite, statements sent over Trino's client protocol, rows on stdout and
 * failures as one line on stderr with the exit code.
 */
class QueryScriptTest
{
    private static Dynalite dynalite;

    @TempDir
    Path dir;

    @BeforeAll
    static void table()
    {
        dynalite = LocalCliTable.dynalite();
    }

    private record Run(int status, String out, String err) {}

    private static Run run(String stdin, String... args)
    {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--dynamodb-endpoint", dynalite.endpoint().toString()));
        InputStream originalIn = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.withEnvironment(Map.of(), all.toArray(new String[0]));
            return new Run(run.exit(), run.out(), run.err());
        }
        finally {
            System.setIn(originalIn);
        }
    }

    @Test
    void scriptOfStatementsReadsLambdaCatalogAndKeepsEveryColumnAsJson()
            throws IOException
    {
        Path script = dir.resolve("orders.sql");
        Files.writeString(script, """
                -- Athena's name for the catalog, and the short one
                SELECT sk, total, ship FROM "lambda:ddb".default.localcliorders WHERE pk = 'c1' AND sk = 2;
                SELECT a.sk, b.sk, a.ship.city FROM ddb.default.localcliorders a JOIN localcliorders b ON a.ship.city = b.ship.city
                WHERE a.sk < b.sk;
                """);

        Run run = run("", "query", "-f", script.toString(), "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = run.out().lines().map(line -> {
            try {
                return json.readTree(line);
            }
            catch (IOException e) {
                throw new AssertionError(line, e);
            }
        }).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("sk").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("total").decimalValue()).isEqualByComparingTo("7.25");
        // A row keeps its field names, as Athena shows a struct.
        assertThat(rows.get(0).get("ship").get("city").asText()).isEqualTo("Nantes");
        assertThat(rows.get(0).get("ship").get("zip").asLong()).isEqualTo(69002);
        // Both sk columns, and the unnamed one as Trino names it.
        assertThat(rows.get(1).toString()).isEqualTo("{\"sk\":1,\"sk_2\":3,\"city\":\"Lyon\"}");
    }

    @Test
    void statementFromStdinPrintsAnAlignedTable()
    {
        Run run = run("SELECT sk, ship.city AS city FROM localcliorders WHERE pk = 'c1' ORDER BY sk DESC LIMIT 2", "query", "-f", "-");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                | sk | city   |
                |----|--------|
                | 3  | Lyon   |
                | 2  | Nantes |
                """);
    }

    @Test
    void unknownTableIsOneLineWithTrinosErrorNameAndExit2()
    {
        Run run = run("", "query", "SELECT 1; SELECT * FROM \"lambda:ddb\".default.nosuchtable", "--format", "csv");

        assertThat(run.status()).isEqualTo(Failures.BAD_INPUT);
        assertThat(run.out()).isEqualTo("_col0\r\n1\r\n");
        assertThat(run.err().strip()).contains("-- 1 row in ").endsWith("athena-local: line 1:15: Table '\"lambda:ddb\".default.nosuchtable' does not exist (TABLE_NOT_FOUND)");
    }
}
