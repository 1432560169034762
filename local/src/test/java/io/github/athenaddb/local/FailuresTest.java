package io.github.athenaddb.local;

import org.apache.calcite.sql.validate.SqlValidatorException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest
{
    @Test
    void messageIsTheInnermostCausesFirstLine()
    {
        Exception e = new RuntimeException("Error while executing SQL \"select * from nope\"",
                new SQLException("wrapped", new IllegalStateException("Object 'nope' not found\n\tat some.Parser(line 1)\nmore")));
        assertThat(Failures.message(e)).isEqualTo("Object 'nope' not found");
    }

    @Test
    void messageOfAnExceptionWithoutCauseIsItsOwnFirstLine()
    {
        assertThat(Failures.message(new IllegalArgumentException("bad value\r\nsecond line"))).isEqualTo("bad value");
        assertThat(Failures.message(new IllegalArgumentException("one line"))).isEqualTo("one line");
    }

    @Test
    void messagelessRootIsNamedByItsClass()
    {
        Exception e = new RuntimeException("outer message", new IllegalStateException());
        assertThat(Failures.message(e)).isEqualTo("IllegalStateException");
    }

    @Test
    void reportPrintsTheMessageAndGivesBadInputForStatementErrors()
    {
        StringBuilder err = new StringBuilder();
        int sql = reportCapturing(new SQLException("Error while executing", new RuntimeException("Column 'x' not found")), err);
        int validation = reportCapturing(new RuntimeException("wrap", new SqlValidatorException("No match found", null)), err);
        assertThat(sql).isEqualTo(Failures.BAD_INPUT);
        assertThat(validation).isEqualTo(Failures.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("athena-local: Column 'x' not found\nathena-local: No match found\n".replace("\n", System.lineSeparator()));
    }

    @Test
    void reportGivesFailedForEverythingElse()
    {
        StringBuilder err = new StringBuilder();
        assertThat(reportCapturing(new IllegalStateException("connection refused"), err)).isEqualTo(Failures.FAILED);
        assertThat(err.toString()).startsWith("athena-local: connection refused");
    }

    @Test
    void usagePrintsTheMessageAndGivesBadInput()
    {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            exit = Failures.usage("give a SQL statement, or -f FILE");
        }
        finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(Failures.BAD_INPUT);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).isEqualTo("athena-local: give a SQL statement, or -f FILE" + System.lineSeparator());
    }

    private static int reportCapturing(Exception e, StringBuilder err)
    {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.err;
        try {
            System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            return Failures.report(e, false);
        }
        finally {
            System.setErr(original);
            err.append(buffer.toString(StandardCharsets.UTF_8));
        }
    }
}
