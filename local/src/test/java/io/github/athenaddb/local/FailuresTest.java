package io.github.athenaddb.local;

import io.github.athenaddb.ConnectorException;
import io.github.athenaddb.local.engine.QueryFailure;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.FederationSourceErrorCode;

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

    /** A failure wrapped a few layers deep, as a JDBC driver or the engine start reports one. */
    private static SQLException executing(Throwable cause)
    {
        return new SQLException("Error while executing SQL \"SELECT * FROM ddb.default.orders\": " + cause.getMessage(),
                new RuntimeException(cause));
    }

    @Test
    void reportPrintsTheMessageAndGivesBadInputForStatementErrors()
    {
        StringBuilder err = new StringBuilder();
        int sql = reportCapturing(new QueryFailure("line 1:8: Column 'x' cannot be resolved", "COLUMN_NOT_FOUND", true), err);
        int source = reportCapturing(new QueryFailure("DynamoDB throttled the request", "FEDERATION_SOURCE_ERROR", false), err);
        assertThat(sql).isEqualTo(Failures.BAD_INPUT);
        assertThat(source).isEqualTo(Failures.FAILED);
        assertThat(err.toString()).isEqualTo(("athena-local: line 1:8: Column 'x' cannot be resolved (COLUMN_NOT_FOUND)\n"
                + "athena-local: DynamoDB throttled the request (FEDERATION_SOURCE_ERROR)\n").replace("\n", System.lineSeparator()));
    }

    @Test
    void theConnectorsNamesAndInputErrorsAreBadInput()
    {
        StringBuilder err = new StringBuilder();
        assertThat(reportCapturing(executing(ConnectorException.notFound("Table 'nope' not found")), err)).isEqualTo(Failures.BAD_INPUT);
        assertThat(reportCapturing(executing(ConnectorException.invalidInput("system.query runs a single PartiQL SELECT")), err))
                .isEqualTo(Failures.BAD_INPUT);
    }

    @Test
    void theSourcesFailuresAreFailedNotBadInput()
    {
        StringBuilder err = new StringBuilder();
        assertThat(reportCapturing(executing(ConnectorException.internal(
                "DynamoDB ListTables failed after 9 attempts (endpoint http://127.0.0.1:1): Connection refused")), err)).isEqualTo(Failures.FAILED);
        assertThat(reportCapturing(executing(ConnectorException.withCode(FederationSourceErrorCode.OPERATION_TIMEOUT_EXCEPTION,
                "DynamoDB Scan of table 'Orders' did not answer within 30 s")), err)).isEqualTo(Failures.FAILED);
        assertThat(reportCapturing(executing(ConnectorException.throttled("DynamoDB Scan of table 'Orders' still failed after 30 s")), err))
                .isEqualTo(Failures.FAILED);
        assertThat(reportCapturing(executing(ConnectorException.accessDenied("DynamoDB AccessDeniedException: not authorized")), err))
                .isEqualTo(Failures.FAILED);
        assertThat(reportCapturing(executing(ConnectorException.withCode(FederationSourceErrorCode.OPERATION_NOT_SUPPORTED_EXCEPTION,
                "no PartiQL")), err)).isEqualTo(Failures.FAILED);
        assertThat(err.toString().lines()).hasSize(5).allMatch(line -> line.startsWith("athena-local: "));
    }

    @Test
    void reportGivesFailedForEverythingElse()
    {
        StringBuilder err = new StringBuilder();
        assertThat(reportCapturing(new IllegalStateException("connection refused"), err)).isEqualTo(Failures.FAILED);
        assertThat(reportCapturing(new SQLException("Error while executing", new IllegalStateException("vector closed")), err))
                .isEqualTo(Failures.FAILED);
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
