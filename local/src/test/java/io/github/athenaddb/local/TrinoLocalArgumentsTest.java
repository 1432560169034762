package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.LocalCatalogs;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure pieces of the local engine's CLI: options, settings, script splitting, JSON keys. */
class TrinoLocalArgumentsTest
{
    @Test
    void optionsWinOverTheEnvironmentAndTheStatusCheckIsOff()
    {
        LocalCatalogs catalogs = new LocalCatalogs(
                Map.of("dynamodb_endpoint", "http://env:1", "AWS_REGION", "eu-west-1", "complex_columns", "json"),
                Optional.of(URI.create("http://127.0.0.1:8000")), Optional.of("us-west-2"));

        assertThat(catalogs.catalogProperties())
                .containsEntry("federation.handler", "io.github.athenaddb.DdbCompositeHandler")
                .containsEntry("federation.config.dynamodb_endpoint", "http://127.0.0.1:8000")
                .containsEntry("federation.config.AWS_REGION", "us-west-2")
                .containsEntry("federation.config.complex_columns", "json")
                .containsEntry("federation.config.athena_query_status_check", "false");
        assertThat(new LocalCatalogs(Map.of(), Optional.empty(), Optional.empty()).handlerSettings()).containsEntry("AWS_REGION", "us-east-1");
    }

    @Test
    void parsesServeAndQuery()
    {
        LocalArguments serve = LocalArguments.parse(new String[] {"serve", "--port", "0", "--region", "eu-west-1"});
        assertThat(serve.port()).isZero();
        assertThat(serve.region()).contains("eu-west-1");
        assertThat(LocalArguments.parse(new String[] {"serve"}).port()).isEqualTo(LocalArguments.DEFAULT_PORT);

        LocalArguments query = LocalArguments.parse(new String[] {"query", "-f", "-", "--format", "csv", "--debug"});
        assertThat(query.file()).contains("-");
        assertThat(query.format()).isEqualTo("csv");
        assertThat(query.debug()).isTrue();
        assertThat(query.noServe()).isFalse();
        assertThat(LocalArguments.parse(new String[] {"query", "SELECT 1", "--no-serve"}).noServe()).isTrue();
    }

    @Test
    void refusesWhatIsWrongWithOneLine()
    {
        assertThatThrownBy(() -> LocalArguments.parse(new String[] {"query"})).hasMessage("give a SQL statement, or -f FILE (- for stdin), not both");
        assertThatThrownBy(() -> LocalArguments.parse(new String[] {"query", "SELECT 1", "--format", "xml"}))
                .hasMessage("--format must be table, csv or json, not 'xml'");
        assertThatThrownBy(() -> LocalArguments.parse(new String[] {"serve", "--port", "x"})).hasMessageContaining("--port 'x'");
        assertThatThrownBy(() -> LocalArguments.parse(new String[] {"query", "SELECT 1", "--dynamodb-endpoint", "localhost"}))
                .hasMessageContaining("is not a URL");
        assertThatThrownBy(() -> LocalArguments.parse(new String[] {"explain"})).hasMessageContaining("unknown command 'explain'");
        assertThatThrownBy(() -> LocalArguments.parse(new String[] {"serve", "--no-serve"})).hasMessage("--no-serve is an option of query");
    }

    @Test
    void splitsScriptsOutsideStringsNamesAndComments()
    {
        assertThat(ScriptStatements.split("SELECT ';' AS \"a;b\"; -- c;\n/* d; */ SELECT 'it''s;' ;;  ; -- only a comment"))
                .containsExactly("SELECT ';' AS \"a;b\"", "-- c;\n/* d; */ SELECT 'it''s;'");
        assertThat(ScriptStatements.split(" ; -- nothing\n")).isEmpty();
    }

    @Test
    void jsonKeysKeepEveryColumn()
    {
        assertThat(JsonLinesOutput.uniqueKeys(List.of("sk", "sk", "sk_2", "x"))).containsExactly("sk", "sk_2", "sk_2_2", "x");
    }
}
