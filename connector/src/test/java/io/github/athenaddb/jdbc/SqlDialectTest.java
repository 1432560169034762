package io.github.athenaddb.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlDialectTest
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "plain     | \"plain\"        | `plain`",
            "a\"b      | \"a\"\"b\"      | `a\"b`",
            "a`b       | \"a`b\"          | `a``b`",
            "select    | \"select\"       | `select`",
            "Größe✓    | \"Größe✓\"       | `Größe✓`",
            "~a b.c~   | ~\"a b.c\"~      | ~`a b.c`~",
            "\"\"      | \"\"\"\"\"\"     | `\"\"`",
            "a?b       | \"a?b\"          | `a?b`",
            "x'--      | \"x'--\"         | `x'--`",
    })
    void quotesEveryIdentifierAndDoublesItsOwnQuote(String identifier, String postgres, String mysql)
    {
        assertThat(SqlDialect.POSTGRESQL.quote(identifier)).isEqualTo(postgres);
        assertThat(SqlDialect.MYSQL.quote(identifier)).isEqualTo(mysql);
    }

    @Test
    void quotesNewlineAndBackslashAsTheyAre()
    {
        assertThat(SqlDialect.POSTGRESQL.quote("a\nb\\")).isEqualTo("\"a\nb\\\"");
        assertThat(SqlDialect.MYSQL.quote("a\nb\\")).isEqualTo("`a\nb\\`");
    }

    @Test
    void refusesNulEmptyAndNull()
    {
        for (SqlDialect dialect : SqlDialect.values()) {
            assertThatThrownBy(() -> dialect.quote("a\0b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
            assertThatThrownBy(() -> dialect.quote("")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> dialect.quote(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "jdbc:postgresql://db:5432/app?user=u&password=p, POSTGRESQL",
            "JDBC:PostgreSQL://db/app, POSTGRESQL",
            "jdbc:mysql://db:3306/app, MYSQL",
            "jdbc:mariadb://db/app, MYSQL",
    })
    void readsTheDialectFromTheSubprotocol(String url, SqlDialect expected)
    {
        assertThat(SqlDialect.fromUrl(url)).isEqualTo(expected);
    }

    @Test
    void unknownUrlNamesOnlyItsPrefix()
    {
        assertThatThrownBy(() -> SqlDialect.fromUrl("jdbc:oracle:thin:scott/tiger-secret@db:1521/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:oracle:")
                .hasMessageNotContaining("tiger-secret")
                .hasMessageNotContaining("scott");
        assertThatThrownBy(() -> SqlDialect.fromUrl("postgres://u:hunter2@db/app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> SqlDialect.fromUrl("jdbc:hunter2@db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> SqlDialect.fromUrl(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
