package io.github.athenaddb.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementsTest
{
    @Test
    void splitsOnSemicolonsAndTrimsEachStatement()
    {
        assertThat(Statements.split("SELECT 1;\n  SELECT 2 ;SELECT 3"))
                .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void semicolonInsideAStringDoesNotSplit()
    {
        assertThat(Statements.split("SELECT 'a;b' FROM t; SELECT 'it''s; fine'"))
                .containsExactly("SELECT 'a;b' FROM t", "SELECT 'it''s; fine'");
    }

    @Test
    void semicolonInsideAQuotedIdentifierDoesNotSplit()
    {
        assertThat(Statements.split("SELECT \"odd;name\", \"a\"\";b\" FROM t;SELECT 2"))
                .containsExactly("SELECT \"odd;name\", \"a\"\";b\" FROM t", "SELECT 2");
    }

    @Test
    void semicolonInsideALineCommentDoesNotSplit()
    {
        assertThat(Statements.split("SELECT 1 -- first; not a break\nFROM t;\nSELECT 2"))
                .containsExactly("SELECT 1 -- first; not a break\nFROM t", "SELECT 2");
    }

    @Test
    void semicolonInsideABlockCommentDoesNotSplit()
    {
        assertThat(Statements.split("SELECT 1 /* one; two */ FROM t; SELECT 2 /* trailing; note */"))
                .containsExactly("SELECT 1 /* one; two */ FROM t", "SELECT 2 /* trailing; note */");
    }

    @Test
    void blockCommentOnlyChunkIsDropped()
    {
        assertThat(Statements.split("/* header */ SELECT 1;\n/* the end; really */\n;  /* x */ -- y\n"))
                .containsExactly("/* header */ SELECT 1");
    }

    @Test
    void emptyStringsAndDoubledQuotesAtTheEndAreHandled()
    {
        assertThat(Statements.split("SELECT '';SELECT ''''; SELECT 'x'''"))
                .containsExactly("SELECT ''", "SELECT ''''", "SELECT 'x'''");
    }

    @Test
    void commentOnlyAndBlankChunksAreDropped()
    {
        String script = "-- the sample queries\n\n;;  ;\n-- count them\nSELECT count(*) FROM t;\n-- trailing note; with semicolon\n";
        assertThat(Statements.split(script)).containsExactly("-- count them\nSELECT count(*) FROM t");
    }

    @Test
    void unterminatedStringRunsToTheEnd()
    {
        assertThat(Statements.split("SELECT 1; SELECT 'a;b")).containsExactly("SELECT 1", "SELECT 'a;b");
    }

    @Test
    void emptyScriptHasNoStatements()
    {
        assertThat(Statements.split("")).isEmpty();
        assertThat(Statements.split(" \n\t ")).isEmpty();
    }

    @Test
    void stripRemovesBlanksAndTrailingSemicolons()
    {
        assertThat(Statements.strip("  SELECT 1;  ")).isEqualTo("SELECT 1");
        assertThat(Statements.strip("SELECT 1 ; ;;\n")).isEqualTo("SELECT 1");
        assertThat(Statements.strip("SELECT ';'")).isEqualTo("SELECT ';'");
        assertThat(Statements.strip(" ; ")).isEmpty();
    }

    @Test
    void stripDropsACommentAfterTheSemicolon()
    {
        assertThat(Statements.strip("SELECT 1; -- the end\n")).isEqualTo("SELECT 1");
    }
}
